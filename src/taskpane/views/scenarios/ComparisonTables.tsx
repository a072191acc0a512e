/**
 * The comparison's tables: totals of A and B with the difference, one measure per segment at a time
 * (tabs), the from/to matrix of items moving between segments, and the items that move. Each table
 * scrolls inside its own container so the pane never scrolls sideways.
 */
import * as React from "react";
import {
  Caption1,
  makeStyles,
  mergeClasses,
  Subtitle2,
  Tab,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  TabList,
  tokens,
} from "@fluentui/react-components";
import { formatCount, formatNumber } from "../../../engine/definition/format";
import { NO_SEGMENT, segmentOf, type ScenarioComparisonView } from "./comparison";
import { formatDifference, formatMeasure, MEASURES, measureValue, type MeasureKey } from "./figures";

/** Moved items listed at most. */
export const MOVED_ITEMS_SHOWN = 200;

const useStyles = makeStyles({
  block: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: 0 },
  heading: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground3, margin: 0 },
  scroller: {
    overflowX: "auto",
    maxWidth: "100%",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  tall: { maxHeight: "320px", overflowY: "auto" },
  table: { minWidth: "100%", width: "max-content" },
  number: { textAlign: "right", whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" },
  total: { fontWeight: tokens.fontWeightSemibold },
  moved: {
    backgroundColor: tokens.colorPaletteMarigoldBackground2,
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightBold,
  },
  zero: { color: tokens.colorNeutralForeground4 },
  tabs: { flexWrap: "wrap" },
  name: { display: "block", color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, maxWidth: "120px", whiteSpace: "normal" },
});

function Scroller({ label, tall, children }: { label: string; tall?: boolean; children: React.ReactNode }) {
  const styles = useStyles();
  return (
    <div className={mergeClasses(styles.scroller, tall && styles.tall)} role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

function Totals({ view }: { view: ScenarioComparisonView }) {
  const styles = useStyles();
  const [a, b] = view.totals;
  return (
    <div className={styles.block}>
      <Subtitle2 as="h3" className={styles.heading}>
        Totals
      </Subtitle2>
      <Caption1 className={styles.muted}>
        A: {view.names[0]} · B: {view.names[1]}. Fill rate is the expected fill rate weighted by demand; cost-to-serve is a share of revenue.
      </Caption1>
      <Scroller label="Totals of both scenarios">
        <Table size="extra-small" className={styles.table} aria-label="Totals of both scenarios">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Measure</TableHeaderCell>
              <TableHeaderCell className={styles.number}>A</TableHeaderCell>
              <TableHeaderCell className={styles.number}>B</TableHeaderCell>
              <TableHeaderCell className={styles.number}>B − A</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {MEASURES.map((measure) => (
              <TableRow key={measure.key} data-measure={measure.key}>
                <TableCell>{measure.short}</TableCell>
                <TableCell className={styles.number}>{formatMeasure(measure.key, a[measure.key])}</TableCell>
                <TableCell className={styles.number}>{formatMeasure(measure.key, b[measure.key])}</TableCell>
                <TableCell className={styles.number}>{formatDifference(measure.key, b[measure.key] - a[measure.key])}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Scroller>
    </div>
  );
}

function BySegment({ view }: { view: ScenarioComparisonView }) {
  const styles = useStyles();
  const [measure, setMeasure] = React.useState<MeasureKey>("items");
  const label = MEASURES.find((entry) => entry.key === measure)!.label;
  const [totalA, totalB] = view.totals;
  return (
    <div className={styles.block}>
      <Subtitle2 as="h3" className={styles.heading}>
        By segment
      </Subtitle2>
      <TabList
        size="small"
        selectedValue={measure}
        onTabSelect={(_, data) => setMeasure(data.value as MeasureKey)}
        aria-label="Measure shown by segment"
        className={styles.tabs}
      >
        {MEASURES.map((entry) => (
          <Tab key={entry.key} value={entry.key}>
            {entry.short}
          </Tab>
        ))}
      </TabList>
      <Scroller label={`${label} by segment`}>
        <Table size="extra-small" className={styles.table} aria-label={`${label} by segment in both scenarios`}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Segment</TableHeaderCell>
              <TableHeaderCell className={styles.number}>A</TableHeaderCell>
              <TableHeaderCell className={styles.number}>B</TableHeaderCell>
              <TableHeaderCell className={styles.number}>B − A</TableHeaderCell>
              {measure === "items" && <TableHeaderCell className={styles.number}>Moving out</TableHeaderCell>}
              {measure === "items" && <TableHeaderCell className={styles.number}>Moving in</TableHeaderCell>}
            </TableRow>
          </TableHeader>
          <TableBody>
            {view.rows.map((row) => {
              const a = measureValue(row.a, measure);
              const b = measureValue(row.b, measure);
              return (
                <TableRow key={row.segment} data-segment={row.segment}>
                  <TableCell>
                    {row.segment}
                    <span className={styles.name}>{row.name}</span>
                  </TableCell>
                  <TableCell className={styles.number}>{row.a ? formatMeasure(measure, a) : "not in A"}</TableCell>
                  <TableCell className={styles.number}>{row.b ? formatMeasure(measure, b) : "not in B"}</TableCell>
                  <TableCell className={styles.number}>{formatDifference(measure, b - a)}</TableCell>
                  {measure === "items" && <TableCell className={styles.number}>{formatCount(row.movedOut)}</TableCell>}
                  {measure === "items" && <TableCell className={styles.number}>{formatCount(row.movedIn)}</TableCell>}
                </TableRow>
              );
            })}
            <TableRow className={styles.total} data-segment="All">
              <TableCell>All items</TableCell>
              <TableCell className={styles.number}>{formatMeasure(measure, totalA[measure])}</TableCell>
              <TableCell className={styles.number}>{formatMeasure(measure, totalB[measure])}</TableCell>
              <TableCell className={styles.number}>{formatDifference(measure, totalB[measure] - totalA[measure])}</TableCell>
              {measure === "items" && <TableCell className={styles.number}>{formatCount(view.comparison.changed.length)}</TableCell>}
              {measure === "items" && <TableCell className={styles.number}>{formatCount(view.comparison.changed.length)}</TableCell>}
            </TableRow>
          </TableBody>
        </Table>
      </Scroller>
    </div>
  );
}

function Moves({ view }: { view: ScenarioComparisonView }) {
  const styles = useStyles();
  const { fromLabels, toLabels, fromTo } = view.comparison;
  // Rows and columns where nothing is, in both scenarios, are left out: an empty segment moves nothing.
  const rows = fromLabels.map((_, r) => r).filter((r) => fromTo[r].some((n) => n > 0));
  const columns = toLabels.map((_, c) => c).filter((c) => fromTo.some((row) => row[c] > 0));
  return (
    <div className={styles.block}>
      <Subtitle2 as="h3" className={styles.heading}>
        Items moving between segments
      </Subtitle2>
      <Caption1 className={styles.muted}>
        Rows: the segment in A; columns: the segment in B. Shaded bold cells count items that change segment.
      </Caption1>
      <Scroller label="From/to matrix of items">
        <Table size="extra-small" className={styles.table} aria-label={`Items by segment in ${view.names[0]} (rows) and ${view.names[1]} (columns)`}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>A \ B</TableHeaderCell>
              {columns.map((c) => (
                <TableHeaderCell key={toLabels[c]} className={styles.number}>
                  {toLabels[c] === NO_SEGMENT ? "none" : toLabels[c]}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={fromLabels[r]}>
                <TableHeaderCell scope="row">{fromLabels[r] === NO_SEGMENT ? "none" : fromLabels[r]}</TableHeaderCell>
                {columns.map((c) => {
                  const count = fromTo[r][c];
                  const moving = count > 0 && fromLabels[r] !== toLabels[c];
                  return (
                    <TableCell
                      key={toLabels[c]}
                      className={mergeClasses(styles.number, moving && styles.moved, count === 0 && styles.zero)}
                      data-moving={moving ? "true" : undefined}
                      aria-label={
                        moving
                          ? `${formatCount(count)} items move from ${fromLabels[r]} to ${toLabels[c]}`
                          : `${formatCount(count)} items ${fromLabels[r] === toLabels[c] ? `stay in ${fromLabels[r]}` : ""}`.trim()
                      }
                    >
                      {formatCount(count)}
                    </TableCell>
                  );
                })}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Scroller>
    </div>
  );
}

function MovedItems({ view }: { view: ScenarioComparisonView }) {
  const styles = useStyles();
  const changed = view.comparison.changed;
  const shown = changed.slice(0, MOVED_ITEMS_SHOWN);
  const [a, b] = view.results;
  const revenue = a.aggregated.table.numbers.get("revenue");
  const caption =
    changed.length === 0
      ? "No item changes segment."
      : changed.length > shown.length
        ? `The first ${formatCount(shown.length)} of ${formatCount(changed.length)} items that change segment.`
        : `All ${formatCount(changed.length)} items that change segment.`;
  return (
    <div className={styles.block}>
      <Subtitle2 as="h3" className={styles.heading}>
        Items that change segment
      </Subtitle2>
      <Caption1 className={styles.muted} data-testid="moved-caption">
        {caption}
      </Caption1>
      {shown.length > 0 && (
        <Scroller label="Items that change segment" tall>
          <Table size="extra-small" className={styles.table} aria-label="Items that change segment">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Item</TableHeaderCell>
                <TableHeaderCell>A</TableHeaderCell>
                <TableHeaderCell>B</TableHeaderCell>
                {revenue && <TableHeaderCell className={styles.number}>Revenue</TableHeaderCell>}
              </TableRow>
            </TableHeader>
            <TableBody>
              {shown.map((item) => (
                <TableRow key={item}>
                  <TableCell>{view.ids[item]}</TableCell>
                  <TableCell>{segmentOf(a, item)}</TableCell>
                  <TableCell>{segmentOf(b, item)}</TableCell>
                  {revenue && <TableCell className={styles.number}>{formatNumber(revenue[item], 0)}</TableCell>}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Scroller>
      )}
    </div>
  );
}

export function ComparisonTables({ view }: { view: ScenarioComparisonView }) {
  return (
    <>
      <Totals view={view} />
      <BySegment view={view} />
      <Moves view={view} />
      <MovedItems view={view} />
    </>
  );
}

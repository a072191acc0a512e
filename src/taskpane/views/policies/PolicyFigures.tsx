/**
 * What the policies cost and give: total inventory investment (average inventory at unit cost:
 * cycle stock plus safety stock) and the demand-weighted expected fill rate, then the same per
 * segment, each beside its change since the figures were last applied. Totals are announced to
 * screen readers as they change; the per-segment table scrolls inside its own box on a narrow pane.
 */
import * as React from "react";
import {
  Caption1,
  makeStyles,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from "@fluentui/react-components";
import { expectedFillRateOf } from "../../../engine/apply/segmentSummaryTable";
import type { Segment } from "../../../engine/definition/schema";
import type { SegmentMeasures } from "../../../engine/kpi/measure";
import type { LiveFigures } from "../../apply/policyFigures";
import { formatAmount, formatAmountChange, formatFillChange, formatFillRate } from "./figureFormat";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  totals: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(130px, 1fr))", gap: tokens.spacingHorizontalM },
  total: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  value: { fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
  scroller: {
    overflowX: "auto",
    maxWidth: "100%",
    borderRadius: tokens.borderRadiusMedium,
    outlineOffset: "2px",
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  // Columns sized to their contents (Fluent tables are fixed-layout by default, which squeezes the segment names).
  table: { minWidth: "440px", tableLayout: "auto" },
  number: { textAlign: "end", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  segment: { whiteSpace: "nowrap" },
  totalRow: { fontWeight: tokens.fontWeightSemibold },
  status: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, minHeight: "20px" },
});

export interface PolicyFiguresProps {
  segments: readonly Segment[];
  live: LiveFigures;
  /** The measures the changes are against (per segment index, then all items). */
  baseline: readonly SegmentMeasures[];
  /** An edit is being priced: the figures shown are the previous ones. */
  pending: boolean;
}

export function PolicyFigures({ segments, live, baseline, pending }: PolicyFiguresProps) {
  const styles = useStyles();
  const all = segments.length;
  const total = live.measures[all];
  const before = baseline[all];
  const rows = segments.map((segment, k) => ({ id: segment.id, name: segment.name, now: live.measures[k], before: baseline[k] }));
  const cells = (now: SegmentMeasures, then: SegmentMeasures | undefined) => {
    const fill = expectedFillRateOf(now);
    return [
      now.items.toLocaleString("en-US"),
      formatAmount(now.inventoryValue),
      then ? formatAmountChange(now.inventoryValue - then.inventoryValue) : "—",
      formatFillRate(fill),
      then ? formatFillChange(fill - expectedFillRateOf(then)) : "—",
    ];
  };

  return (
    <section className={styles.root} aria-label="Inventory investment and expected fill rate">
      <div className={styles.totals} role="status" aria-live="polite" aria-atomic="true">
        <div className={styles.total}>
          <Caption1 className={styles.muted}>Inventory investment</Caption1>
          <Text className={styles.value}>{formatAmount(total.inventoryValue)}</Text>
          <Caption1>{formatAmountChange(total.inventoryValue - before.inventoryValue)} since last applied</Caption1>
        </div>
        <div className={styles.total}>
          <Caption1 className={styles.muted}>Expected fill rate</Caption1>
          <Text className={styles.value}>{formatFillRate(expectedFillRateOf(total))}</Text>
          <Caption1>{formatFillChange(expectedFillRateOf(total) - expectedFillRateOf(before))} since last applied</Caption1>
        </div>
      </div>
      <div className={styles.status}>
        {pending ? <Spinner size="extra-tiny" label="Updating the figures…" /> : (
          <Caption1 className={styles.muted}>Average inventory (order quantity ÷ 2 + safety stock) at unit cost; fill rate weighted by mean demand.</Caption1>
        )}
      </div>
      <div className={styles.scroller} role="region" aria-label="Inventory and fill rate by segment, scrolls sideways" tabIndex={0}>
        <Table size="small" className={styles.table} aria-label="Inventory and fill rate by segment">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Segment</TableHeaderCell>
              <TableHeaderCell className={styles.number}>Items</TableHeaderCell>
              <TableHeaderCell className={styles.number}>Inventory</TableHeaderCell>
              <TableHeaderCell className={styles.number}>Change</TableHeaderCell>
              <TableHeaderCell className={styles.number}>Fill rate</TableHeaderCell>
              <TableHeaderCell className={styles.number}>Change</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.id}>
                <TableCell className={styles.segment} title={row.name}>
                  {row.id} · {row.name}
                </TableCell>
                {cells(row.now, row.before).map((text, c) => (
                  <TableCell key={c} className={styles.number}>
                    {text}
                  </TableCell>
                ))}
              </TableRow>
            ))}
            <TableRow className={styles.totalRow}>
              <TableCell className={styles.segment}>All items</TableCell>
              {cells(total, before).map((text, c) => (
                <TableCell key={c} className={styles.number}>
                  {text}
                </TableCell>
              ))}
            </TableRow>
          </TableBody>
        </Table>
      </div>
    </section>
  );
}

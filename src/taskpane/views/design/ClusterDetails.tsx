/**
 * What a clusters proposal looks like: a warning when other seeds give other segments, the profile of
 * each segment (its size, share of revenue and median on every dimension, the figures its suggested
 * name comes from) and a scatter of a sample of items on two dimensions — by default the two that
 * separate the segments most, or any two the planner picks.
 */
import * as React from "react";
import {
  Caption1,
  Dropdown,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Option,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from "@fluentui/react-components";
import { formatCount, formatNumber, formatShare } from "../../../engine/definition/format";
import { featureLabel, featurePhrase } from "../../../engine/definition/itemFeatures";
import { ScatterChart, type AxisScale } from "../../charts/ScatterChart";
import type { ClusterProposal } from "../../worker/designJobs";
import { useTableStyles } from "./tableStyles";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  name: { minWidth: "140px" },
  axes: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(130px, 1fr))", gap: tokens.spacingHorizontalL },
  control: { minWidth: 0, width: "100%" },
  muted: { color: tokens.colorNeutralForeground3, margin: 0 },
});

/** The two dimensions that separate the segments most (highest η²), in the chosen order when tied. */
export function defaultAxes(separation: readonly number[]): [number, number] {
  const order = separation.map((value, t) => [value, t] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const [first, second] = [order[0]?.[1] ?? 0, order[1]?.[1] ?? 0];
  return first < second ? [first, second] : [second, first];
}

export function ClusterDetails({ proposal }: { proposal: ClusterProposal }) {
  const styles = { ...useTableStyles(), ...useStyles() };
  const { scatter, profile, profileDimensions, stability, definition } = proposal;
  const d = scatter.dimensions.length;
  const [axes, setAxes] = React.useState<[number, number]>(() => defaultAxes(scatter.separation));
  React.useEffect(() => setAxes(defaultAxes(scatter.separation)), [scatter]);
  const model = (definition.method as { model?: { transforms?: { kind: string }[] } }).model;
  const scaleOf = (t: number): AxisScale => (model?.transforms?.[t]?.kind === "log1p" ? "log" : "linear");
  const [ax, ay] = axes;
  const xs = new Float64Array(scatter.segment.length);
  const ys = new Float64Array(scatter.segment.length);
  for (let p = 0; p < scatter.segment.length; p++) {
    xs[p] = scatter.points[p * d + ax];
    ys[p] = scatter.points[p * d + ay];
  }
  const shown = scatter.segment.length;
  const axisOption = (which: 0 | 1, label: string) => (
    <Field label={label}>
      <Dropdown
        className={styles.control}
        value={featureLabel(scatter.dimensions[axes[which]])}
        selectedOptions={[String(axes[which])]}
        onOptionSelect={(_, data) => {
          if (data.optionValue === undefined) return;
          const next: [number, number] = [...axes];
          next[which] = Number(data.optionValue);
          setAxes(next);
        }}
      >
        {scatter.dimensions.map((name, t) => (
          <Option key={name} value={String(t)}>
            {featureLabel(name)}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );

  return (
    <div className={styles.root}>
      {stability.verdict !== "stable" && (
        <MessageBar intent="warning">
          <MessageBarBody>
            Other seeds give other segments: {stability.runs} clusterings from different seeds agree {stability.meanAgreement.toFixed(2)} on average (adjusted Rand; 1
            is identical, below 0.9 is {stability.verdict}). Try fewer segments, or dimensions that separate the items more clearly.
          </MessageBarBody>
        </MessageBar>
      )}
      {proposal.notes.length > 0 && (
        <Caption1 as="p" className={styles.muted}>
          {proposal.notes.map((note) => `${note[0].toUpperCase()}${note.slice(1)}.`).join(" ")}
        </Caption1>
      )}
      <div className={styles.scroller} role="region" aria-label="Segment profiles" tabIndex={0}>
        <Table size="extra-small" className={styles.table} aria-label="Profile of each segment: items, share of revenue and median of each dimension">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Segment</TableHeaderCell>
              <TableHeaderCell className={styles.name}>Suggested name</TableHeaderCell>
              <TableHeaderCell className={styles.number}>Items</TableHeaderCell>
              <TableHeaderCell className={styles.number}>Revenue</TableHeaderCell>
              {profileDimensions.map((name) => (
                <TableHeaderCell key={name} className={styles.number}>
                  Median {featurePhrase(name)}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {profile.map((row, j) => (
              <TableRow key={definition.segments[j].id}>
                <TableCell>{definition.segments[j].id}</TableCell>
                <TableCell className={styles.name}>{row.name}</TableCell>
                <TableCell className={styles.number}>{formatCount(row.size)}</TableCell>
                <TableCell className={styles.number}>{formatShare(row.shareOfRevenue)}</TableCell>
                {row.median.map((value, t) => (
                  <TableCell key={profileDimensions[t]} className={styles.number}>
                    {formatNumber(value)}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {d >= 2 ? (
        <>
          <div className={styles.axes}>
            {axisOption(0, "Across")}
            {axisOption(1, "Up")}
          </div>
          <ScatterChart
            title={`Segments on ${featurePhrase(scatter.dimensions[ax])} and ${featurePhrase(scatter.dimensions[ay])}`}
            x={{ label: featureLabel(scatter.dimensions[ax]), scale: scaleOf(ax), format: (v) => formatNumber(v) }}
            y={{ label: featureLabel(scatter.dimensions[ay]), scale: scaleOf(ay), format: (v) => formatNumber(v) }}
            xs={xs}
            ys={ys}
            group={scatter.segment}
            groups={profile.map((row, j) => ({
              name: row.name,
              label: definition.segments[j].id,
              count: row.size,
              centre: { x: row.median[ax], y: row.median[ay] },
            }))}
            note={shown < scatter.placed ? `${formatCount(shown)} of ${formatCount(scatter.placed)} items shown, a random sample` : `all ${formatCount(shown)} items shown`}
          />
          <Caption1 as="p" className={styles.muted}>
            Large markers: each segment's median item. Separation (share of a dimension's spread between segments):{" "}
            {scatter.dimensions.map((name, t) => `${featureLabel(name)} ${formatShare(scatter.separation[t], 0)}`).join(", ")}.
          </Caption1>
        </>
      ) : (
        <Caption1 as="p" className={styles.muted}>
          One dimension: the profile above shows how the segments split it; a scatter needs two.
        </Caption1>
      )}
    </div>
  );
}

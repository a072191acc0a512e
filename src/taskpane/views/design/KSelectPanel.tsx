/**
 * How many segments: inertia (the elbow) and mean silhouette by k as charts, the same figures with
 * the marginal gain and the agreement between starts in a table, and the engine's recommendation in
 * words (src/engine/cluster/kselect.ts), with a button to take it.
 */
import * as React from "react";
import {
  Body1,
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from "@fluentui/react-components";
import { formatCount, formatNumber, formatShare } from "../../../engine/definition/format";
import { LineChart } from "../../charts/LineChart";
import type { KSelectJobOutput } from "../../worker/designJobs";
import { asSentence } from "./designRunner";
import { useTableStyles } from "./tableStyles";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  charts: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(240px, 1fr))", gap: tokens.spacingHorizontalL },
  recommended: { fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3, margin: 0 },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

const fixed = (value: number, digits: number) => (Number.isFinite(value) ? value.toFixed(digits) : "n/a");

export function KSelectPanel({ result, stale, chosenK, onUseK }: { result: KSelectJobOutput; stale: boolean; chosenK: number; onUseK(k: number): void }) {
  const styles = { ...useTableStyles(), ...useStyles() };
  const recommended = result.recommended;
  const inertia = result.rows.map((row) => ({ x: row.k, y: row.inertia }));
  const silhouette = result.rows.map((row) => ({ x: row.k, y: row.silhouette }));
  return (
    <section className={styles.root} aria-label="Numbers of segments compared">
      {stale && (
        <MessageBar intent="warning">
          <MessageBarBody>These figures were made for other dimensions, weights or k range: compare again to see the current ones.</MessageBarBody>
        </MessageBar>
      )}
      <Body1 as="p">
        <span className={styles.recommended}>Recommended: {recommended} segments.</span> {asSentence(result.reason)}
      </Body1>
      <div className={styles.charts}>
        <LineChart
          title="Inertia by k: lower is tighter; look for the elbow"
          xLabel="k"
          yLabel="inertia"
          series={[{ name: "inertia", points: inertia }]}
          formatX={(k) => String(k)}
          formatY={(y) => formatNumber(y)}
          highlightX={recommended}
          highlightLabel="recommended"
        />
        <LineChart
          title="Mean silhouette by k: higher is clearer"
          xLabel="k"
          yLabel="silhouette"
          series={[{ name: "silhouette", points: silhouette }]}
          formatX={(k) => String(k)}
          formatY={(y) => fixed(y, 2)}
          highlightX={recommended}
          highlightLabel="recommended"
        />
      </div>
      <div className={styles.scroller} role="region" aria-label="Figures by number of segments" tabIndex={0}>
        <Table size="extra-small" className={styles.table} aria-label="Inertia, silhouette, marginal gain and stability by k">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>k</TableHeaderCell>
              <TableHeaderCell className={styles.number}>Inertia</TableHeaderCell>
              <TableHeaderCell className={styles.number}>Silhouette</TableHeaderCell>
              <TableHeaderCell className={styles.number}>Marginal gain</TableHeaderCell>
              <TableHeaderCell className={styles.number}>Stability</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {result.rows.map((row) => (
              <TableRow key={row.k} className={row.k === recommended ? styles.recommended : undefined} aria-current={row.k === recommended ? "true" : undefined}>
                <TableCell>{row.k === recommended ? `${row.k} (recommended)` : row.k}</TableCell>
                <TableCell className={styles.number}>{formatNumber(row.inertia)}</TableCell>
                <TableCell className={styles.number}>{fixed(row.silhouette, 3)}</TableCell>
                <TableCell className={styles.number}>{formatShare(row.marginalGain)}</TableCell>
                <TableCell className={styles.number}>{fixed(row.stability, 2)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <Caption1 as="p" className={styles.muted}>
        On {formatCount(result.itemsUsed)} items
        {result.itemsLeftOut > 0 ? ` (${formatCount(result.itemsLeftOut)} left out: a ticked dimension has no value for them)` : ""}; silhouette on{" "}
        {result.silhouetteSampleSize < result.itemsUsed ? `a sample of ${formatCount(result.silhouetteSampleSize)}` : "all of them"}. Marginal gain: the share of
        the spread the k-th segment explains on top of k − 1. Stability: agreement between k-means starts (adjusted Rand; 1 is identical).
      </Caption1>
      {chosenK !== recommended && (
        <div className={styles.actions}>
          <Button onClick={() => onUseK(recommended)}>Use k = {recommended}</Button>
        </div>
      )}
    </section>
  );
}

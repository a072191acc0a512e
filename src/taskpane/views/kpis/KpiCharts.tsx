/**
 * One bar chart per measured KPI: each segment's value, its target marked across the bar, and the
 * status shown by colour and pattern (hatched = escalate, dotted = off target) as well as read out.
 * Rates are drawn on a 0–100% scale; turns and costs on a scale up to the largest value or target.
 */
import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import { KPI_NAMES, type SegmentDefinition } from "../../../engine/definition";
import { KPI_LABELS, type KpiRow } from "../../../engine/kpi/evaluate";
import { BarChart, type BarDatum, type BarTone } from "../../charts/BarChart";
import { formatKpi, STATUS_TEXT, type KpiOverview } from "./kpiRows";

const useStyles = makeStyles({
  grid: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(min(100%, 260px), 1fr))", gap: tokens.spacingVerticalL },
});

const TONE: Record<KpiRow["status"], BarTone> = {
  escalate: "danger",
  "off target": "warning",
  "on target": "good",
  "no target": "default",
  "not measured": "default",
};

export function KpiCharts({ definition, overview }: { definition: SegmentDefinition; overview: KpiOverview }) {
  const styles = useStyles();
  const order = definition.segments.map((segment) => segment.id);
  const kpis = KPI_NAMES.filter((kpi) => !overview.unmeasured.includes(kpi));
  return (
    <div className={styles.grid}>
      {kpis.map((kpi) => {
        const rows = overview.rows
          .filter((row) => row.kpi === kpi)
          .sort((x, y) => order.indexOf(x.segment) - order.indexOf(y.segment));
        const data: BarDatum[] = rows.map((row) => ({
          label: row.segment,
          name: `${row.segment} ${overview.names.get(row.segment) ?? ""}`.trim(),
          value: row.value,
          valueText: formatKpi(kpi, row.value),
          target: row.target,
          targetText: row.target === row.target ? formatKpi(kpi, row.target) : undefined,
          tone: TONE[row.status],
          toneText: STATUS_TEXT[row.status].toLowerCase(),
        }));
        const rate = kpi === "fillRate" || kpi === "onTimeDelivery" || kpi === "perfectOrder";
        return <BarChart key={kpi} title={`${KPI_LABELS[kpi]} by segment`} data={data} max={rate ? 1 : undefined} />;
      })}
    </div>
  );
}

/**
 * The KPIs view: each segment's fill rate, on-time delivery, perfect order, turns and cost-to-serve
 * against its targets, as the engine evaluates them. Segments to escalate are listed first with
 * what is off; the table puts escalations at the top; charts show each KPI by segment with the
 * target marked. Targets can be edited here (the definition's segments hold them): the KPI rows are
 * evaluated again on the spot. The KPIs can be written to a sheet.
 */
import * as React from "react";
import {
  Body1,
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  Tab,
  TabList,
  tokens,
} from "@fluentui/react-components";
import { KPI_LABELS } from "../../../engine/kpi/evaluate";
import { useDesign } from "../../design";
import { useServices } from "../../services";
import { ApplyProgress } from "../scenarios/ApplyProgress";
import { PricingStatus } from "../scenarios/PricingStatus";
import { useRepriced, type Priceable } from "../scenarios/repriced";
import { useResultWriter } from "../scenarios/ResultWriter";
import { KpiCharts } from "./KpiCharts";
import { kpiOverview, KPI_NEEDS_IN_PANE, whatIsOff } from "./kpiRows";
import { kpiColumns } from "./kpiSheet";
import { KpiTable } from "./KpiTable";
import { TargetDialog, type TargetEditing } from "./TargetDialog";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, minWidth: 0 },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground3, margin: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
});

export default function KpisView() {
  const styles = useStyles();
  const { definition, applied, applyStatus, setDefinition, reapply } = useDesign();
  const { workbook, engine } = useServices();
  const [tab, setTab] = React.useState<"table" | "charts">("table");
  const [editing, setEditing] = React.useState<TargetEditing | null>(null);
  const [saved, setSaved] = React.useState<string | null>(null);
  const writer = useResultWriter(workbook, "KPIs");

  const entries = React.useMemo((): Priceable[] | null => (applied ? [{ applied, definition: applied.definition }] : null), [applied]);
  const priced = useRepriced(entries, engine);
  const result = priced.results?.[0] ?? null;
  const overview = React.useMemo(() => (result ? kpiOverview(result.definition, result.measures, result.kpis) : null), [result]);
  const editable = definition !== null && applied !== null && applied.definition === definition && applyStatus.kind !== "running";

  if (!applied || !result || !overview) {
    return (
      <div className={styles.root}>
        <ApplyProgress status={applyStatus} onRetry={definition ? () => void reapply() : undefined} />
        {entries && <PricingStatus state={priced} />}
        {applyStatus.kind === "idle" && !applied && (
          <MessageBar intent="info">
            <MessageBarBody>
              No KPIs yet: choose the data (Data view) and design the segments (Design view); the KPIs of each segment then show here.
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
    );
  }

  const segmentCount = overview.escalations.length;
  return (
    <div className={styles.root}>
      <ApplyProgress status={applyStatus} onRetry={definition ? () => void reapply() : undefined} />

      <section className={styles.section} aria-labelledby="kpi-escalations-heading">
        <Subtitle2 as="h2" id="kpi-escalations-heading" className={styles.heading}>
          Escalations
        </Subtitle2>
        {segmentCount > 0 ? (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>
                {segmentCount === 1 ? "1 segment to escalate" : `${segmentCount} segments to escalate`}
              </MessageBarTitle>
              <ul className={styles.list} aria-label="Segments to escalate">
                {overview.escalations.map((entry) => (
                  <li key={entry.segment} aria-label={`${entry.segment} ${entry.name}`}>
                    <strong>
                      {entry.segment} {entry.name}:
                    </strong>{" "}
                    {entry.rows.map(whatIsOff).join("; ")}.
                  </li>
                ))}
              </ul>
            </MessageBarBody>
          </MessageBar>
        ) : (
          <MessageBar intent="success">
            <MessageBarBody>No segment is past an escalation threshold.</MessageBarBody>
          </MessageBar>
        )}
        {overview.unmeasured.length > 0 && (
          <Caption1 className={styles.muted}>
            Not measured in any segment:{" "}
            {overview.unmeasured.map((kpi) => `${KPI_LABELS[kpi]} (to measure it, ${KPI_NEEDS_IN_PANE[kpi]})`).join("; ")}.
          </Caption1>
        )}
        {overview.emptySegments.length > 0 && (
          <Caption1 className={styles.muted}>No items, so nothing to measure, in: {overview.emptySegments.join(", ")}.</Caption1>
        )}
      </section>

      <section className={styles.section} aria-labelledby="kpi-by-segment-heading">
        <Subtitle2 as="h2" id="kpi-by-segment-heading" className={styles.heading}>
          By segment
        </Subtitle2>
        <TabList size="small" selectedValue={tab} onTabSelect={(_, data) => setTab(data.value as "table" | "charts")} aria-label="Show the KPIs as">
          <Tab value="table">Table</Tab>
          <Tab value="charts">Charts</Tab>
        </TabList>
        {tab === "table" ? (
          <KpiTable overview={overview} editable={editable} onEdit={(segment, kpi) => setEditing({ segment, kpi })} />
        ) : (
          <KpiCharts definition={result.definition} overview={overview} />
        )}
        {!editable && applyStatus.kind !== "running" && (
          <Caption1 className={styles.muted}>Targets can be edited once the working design is applied.</Caption1>
        )}
        {saved && (
          <MessageBar intent="success">
            <MessageBarBody>{saved}</MessageBarBody>
          </MessageBar>
        )}
      </section>

      <section className={styles.section} aria-label="Write the KPIs to the workbook">
        <div className={styles.actions}>
          <Button
            onClick={() => void writer.write({ definitionName: result.definition.name, kind: "KPIs", columns: kpiColumns(result.definition, result.kpis) })}
            disabled={!workbook || writer.state.kind === "writing"}
          >
            Write KPIs to sheet
          </Button>
          {!workbook && <Body1 className={styles.muted}>Available when the pane runs in Excel.</Body1>}
        </div>
        {writer.feedback}
      </section>

      {editing && definition && (
        <TargetDialog
          key={`${editing.segment}-${editing.kpi}`}
          definition={definition}
          editing={editing}
          onClose={() => setEditing(null)}
          onSave={(next) => {
            setDefinition(next);
            setSaved(`Saved the ${KPI_LABELS[editing.kpi]} target of ${editing.segment}; the statuses are evaluated again.`);
            setEditing(null);
          }}
        />
      )}
    </div>
  );
}

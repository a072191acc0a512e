/**
 * Each segment's KPIs against target, escalations first: value (and whether it was measured or is
 * expected from the policy), target with its escalation threshold, and the status as a badge with
 * words — never colour alone — with a button to edit the target.
 */
import * as React from "react";
import {
  Badge,
  Button,
  Field,
  makeStyles,
  mergeClasses,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from "@fluentui/react-components";
import { EditRegular, ErrorCircleRegular, WarningRegular, CheckmarkCircleRegular } from "@fluentui/react-icons";
import { HIGHER_IS_BETTER, type KpiName } from "../../../engine/definition/policySchema";
import { KPI_NAMES } from "../../../engine/definition";
import { KPI_LABELS, type KpiStatus } from "../../../engine/kpi/evaluate";
import { formatKpi, KPI_NEEDS_IN_PANE, STATUS_TEXT, type KpiOverview } from "./kpiRows";

const useStyles = makeStyles({
  block: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  filter: { maxWidth: "260px" },
  scroller: {
    overflowX: "auto",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  table: { width: "100%", minWidth: "272px", tableLayout: "auto" },
  escalate: { backgroundColor: tokens.colorPaletteRedBackground1 },
  offTarget: { backgroundColor: tokens.colorPaletteMarigoldBackground1 },
  number: { textAlign: "right", whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums", verticalAlign: "top" },
  kpi: { width: "50%", verticalAlign: "top", paddingTop: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalXS },
  line: { display: "block" },
  sub: { display: "block", color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, whiteSpace: "normal" },
  badge: { display: "block", marginTop: tokens.spacingVerticalXXS },
  edit: { width: "40px", verticalAlign: "top" },
  total: { fontWeight: tokens.fontWeightSemibold },
});

const BADGE: Record<KpiStatus, { color: "danger" | "warning" | "success" | "informative" | "subtle"; icon?: React.ReactElement }> = {
  escalate: { color: "danger", icon: <ErrorCircleRegular /> },
  "off target": { color: "warning", icon: <WarningRegular /> },
  "on target": { color: "success", icon: <CheckmarkCircleRegular /> },
  "no target": { color: "informative" },
  "not measured": { color: "subtle" },
};

export function StatusBadge({ status }: { status: KpiStatus }) {
  const badge = BADGE[status];
  return (
    <Badge appearance={status === "escalate" ? "filled" : "tint"} color={badge.color} icon={badge.icon}>
      {STATUS_TEXT[status]}
    </Badge>
  );
}

export interface KpiTableProps {
  overview: KpiOverview;
  editable: boolean;
  onEdit(segment: string, kpi: KpiName): void;
}

export function KpiTable({ overview, editable, onEdit }: KpiTableProps) {
  const styles = useStyles();
  const [shown, setShown] = React.useState<KpiName | "all">("all");
  const measured = KPI_NAMES.filter((kpi) => !overview.unmeasured.includes(kpi));
  const rows = shown === "all" ? overview.rows : overview.rows.filter((row) => row.kpi === shown);
  const overall = shown === "all" ? overview.overall : overview.overall.filter((row) => row.kpi === shown);
  return (
    <div className={styles.block}>
      <Field label="Show" className={styles.filter}>
        <Select value={shown} onChange={(_, data) => setShown(data.value as KpiName | "all")} aria-label="KPIs shown in the table">
          <option value="all">Every KPI</option>
          {measured.map((kpi) => (
            <option key={kpi} value={kpi}>
              {KPI_LABELS[kpi]}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.scroller} role="region" aria-label="KPIs by segment, escalations first" tabIndex={0}>
        <Table size="extra-small" className={styles.table} aria-label="KPIs by segment against target, escalations first">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>KPI and status</TableHeaderCell>
              <TableHeaderCell className={styles.number}>Value</TableHeaderCell>
              <TableHeaderCell className={styles.number}>Target</TableHeaderCell>
              <TableHeaderCell className={styles.edit}>Edit</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((row) => (
              <TableRow
                key={`${row.segment}-${row.kpi}`}
                data-status={row.status}
                data-segment={row.segment}
                data-kpi={row.kpi}
                className={mergeClasses(row.status === "escalate" && styles.escalate, row.status === "off target" && styles.offTarget)}
              >
                <TableCell className={styles.kpi}>
                  <span className={styles.line}>{KPI_LABELS[row.kpi]}</span>
                  <span className={styles.sub}>
                    {row.segment} {overview.names.get(row.segment)}
                  </span>
                  <span className={styles.badge}>
                    <StatusBadge status={row.status} />
                  </span>
                  {row.status === "not measured" && <span className={styles.sub}>To measure it, {KPI_NEEDS_IN_PANE[row.kpi]}.</span>}
                </TableCell>
                <TableCell className={styles.number}>
                  <span className={styles.line}>{formatKpi(row.kpi, row.value)}</span>
                  {row.source !== "measured" && row.source !== "not mapped" && <span className={styles.sub}>{row.source}</span>}
                  {row.basis && row.source === "measured" && <span className={styles.sub}>{row.basis}</span>}
                </TableCell>
                <TableCell className={styles.number}>
                  <span className={styles.line}>{row.target === row.target ? formatKpi(row.kpi, row.target) : "none"}</span>
                  {row.escalation === row.escalation && (
                    <span className={styles.sub}>
                      escalate {HIGHER_IS_BETTER.has(row.kpi) ? "below" : "above"} {formatKpi(row.kpi, row.escalation)}
                    </span>
                  )}
                </TableCell>
                <TableCell className={styles.edit}>
                  <Button
                    appearance="subtle"
                    size="small"
                    icon={<EditRegular />}
                    aria-label={`Edit the ${KPI_LABELS[row.kpi]} target of ${row.segment}`}
                    disabled={!editable}
                    onClick={() => onEdit(row.segment, row.kpi)}
                  />
                </TableCell>
              </TableRow>
            ))}
            {overall.map((row) => (
              <TableRow key={`All-${row.kpi}`} data-segment="All" data-kpi={row.kpi} className={styles.total}>
                <TableCell className={styles.kpi}>
                  <span className={styles.line}>{KPI_LABELS[row.kpi]}</span>
                  <span className={styles.sub}>All items</span>
                </TableCell>
                <TableCell className={styles.number}>{formatKpi(row.kpi, row.value)}</TableCell>
                <TableCell className={styles.number}>—</TableCell>
                <TableCell className={styles.edit} />
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}

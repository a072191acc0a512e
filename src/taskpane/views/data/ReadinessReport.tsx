/**
 * A readiness check's findings: the verdict with what the data covers, each check passed or failed
 * with its figures, the unreadable cells and the items short of history (the first few of each, with
 * their reason), and what the line rules did. Every finding that has rows in the sheet has a button
 * that selects them there.
 */
import * as React from "react";
import {
  Badge,
  Body1Strong,
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from "@fluentui/react-components";
import { CheckmarkCircle12Filled, DismissCircle12Filled } from "@fluentui/react-icons";
import { formatShare as formatThreshold } from "../../../engine/definition/format";
import { isoDate } from "../../../engine/policy/periods";
import type { ColumnCompleteness, ReadinessCheck } from "../../../engine/readiness/readiness";
import { itemRows, problemRow, unreadableRows } from "../../analysis/problemRows";
import type { ReadinessRun } from "../../analysis/readiness";
import { lineRoleLabel } from "../../analysis/sheetLines";
import { formatShare } from "./columnCheck";

/** Unreadable cells and short items listed at most. */
export const LISTED_FINDINGS = 20;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  checks: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  check: {
    display: "grid",
    gridTemplateColumns: "auto minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalS,
    alignItems: "start",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  checkBody: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, minWidth: 0, overflowWrap: "anywhere" },
  checkAction: { alignSelf: "flex-start", marginTop: tokens.spacingVerticalXS },
  muted: { color: tokens.colorNeutralForeground3 },
  block: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  scroller: {
    overflowX: "auto",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  table: { minWidth: "100%", width: "max-content" },
  cell: { whiteSpace: "nowrap", maxWidth: "220px", overflow: "hidden", textOverflow: "ellipsis" },
  reason: { minWidth: "160px", maxWidth: "280px", whiteSpace: "normal" },
  number: { textAlign: "end", fontVariantNumeric: "tabular-nums" },
});

const count = (n: number) => n.toLocaleString("en-US");
const plural = (n: number, one: string, many: string) => `${count(n)} ${n === 1 ? one : many}`;

export interface ShowRequest {
  /** Data rows (0-based below the header) to select. */
  rows: readonly number[];
  /** What they are, for the message after selecting ("the 3 unreadable Quantity rows"). */
  what: string;
}

export interface ReadinessReportProps {
  run: ReadinessRun;
  /** Null outside a workbook: no Show in sheet buttons. */
  onShow: ((request: () => ShowRequest) => void) | null;
  /** Disables the buttons while a selection is being made. */
  busy: boolean;
}

type Subject = { kind: "column"; column: ColumnCompleteness } | { kind: "history" };

/** assessReadiness lists one completeness check per required column, in order, then the history check. */
function subjects(run: ReadinessRun): Subject[] {
  const required = run.sheet.columns.filter((column) => column.required);
  return run.output.report.checks.map((_, i) => (i < required.length ? { kind: "column", column: required[i] } : { kind: "history" }));
}

function checkTitle(subject: Subject, run: ReadinessRun): string {
  if (subject.kind === "column") return `${lineRoleLabel(subject.column.role)} (${subject.column.header}) can be read`;
  const months = run.thresholds.minHistoryPeriods;
  return `Items with at least ${plural(months, "month", "months")} of history`;
}

function checkFigures(check: ReadinessCheck, subject: Subject): string {
  const of = subject.kind === "column" ? "of rows" : "of items";
  return `${formatShare(check.value)} ${of} · needs ${formatThreshold(check.threshold)}`;
}

function PassBadge({ passed }: { passed: boolean }) {
  return (
    <Badge
      appearance="filled"
      color={passed ? "success" : "danger"}
      icon={passed ? <CheckmarkCircle12Filled /> : <DismissCircle12Filled />}
    >
      {passed ? "Pass" : "Fail"}
    </Badge>
  );
}

function coverage(run: ReadinessRun): string {
  const { output, sheet } = run;
  const parts = [plural(sheet.lines.count, "row", "rows"), plural(output.itemCount, "item", "items")];
  if (output.periodCount > 0) {
    parts.push(`${plural(output.periodCount, output.period, `${output.period}s`)} (${isoDate(output.firstDay)} to ${isoDate(output.lastDay)})`);
  }
  return parts.join(" · ");
}

export function ReadinessReport({ run, onShow, busy }: ReadinessReportProps) {
  const styles = useStyles();
  const { report } = run.output;
  const checks = report.checks;
  const failed = checks.filter((check) => !check.passed).length;
  const unreadableTotal = run.sheet.columns.reduce((sum, column) => sum + column.problemCount, 0);
  const listedProblems = report.rowProblems.slice(0, LISTED_FINDINGS);
  const listedItems = report.shortHistory.slice(0, LISTED_FINDINGS);
  const checkSubjects = subjects(run);
  const showButton = (label: string, request: () => ShowRequest, className?: string) =>
    onShow && (
      <Button size="small" className={className} disabled={busy} onClick={() => onShow(request)} aria-label={label}>
        Show in sheet
      </Button>
    );

  return (
    <div className={styles.root}>
      <MessageBar intent={report.passed ? "success" : "warning"}>
        <MessageBarBody>
          <MessageBarTitle>{report.passed ? "Ready to segment" : "Not ready yet"}</MessageBarTitle>
          {report.passed
            ? `Every check passes. ${coverage(run)}.`
            : `${failed} of ${checks.length} checks ${failed === 1 ? "fails" : "fail"}. ${coverage(run)}.`}
        </MessageBarBody>
      </MessageBar>

      <ul className={styles.checks} aria-label="Readiness checks">
        {checks.map((check, i) => {
          const subject = checkSubjects[i];
          const title = checkTitle(subject, run);
          const column = subject.kind === "column" ? subject.column : null;
          return (
            <li key={check.check} className={styles.check} aria-label={`${check.passed ? "Pass" : "Fail"}: ${title}`}>
              <PassBadge passed={check.passed} />
              <div className={styles.checkBody}>
                <Body1Strong>{title}</Body1Strong>
                <Caption1>{checkFigures(check, subject)}</Caption1>
                <Caption1 className={styles.muted}>{check.detail}</Caption1>
                {column &&
                  column.problemCount > 0 &&
                  showButton(
                    `Show the ${plural(column.problemCount, "row", "rows")} where ${column.header} can't be read in the sheet`,
                    () => ({
                      rows: unreadableRows(run.sheet, column.role),
                      what: `the ${plural(column.problemCount, "row", "rows")} where ${column.header} can't be read`,
                    }),
                    styles.checkAction,
                  )}
              </div>
            </li>
          );
        })}
      </ul>

      {listedProblems.length > 0 && (
        <section className={styles.block} aria-labelledby="readiness-cells-heading">
          <Body1Strong as="h3" id="readiness-cells-heading" style={{ margin: 0 }}>
            Cells that can't be read
          </Body1Strong>
          <Caption1 className={styles.muted}>
            {unreadableTotal > listedProblems.length
              ? `The first ${listedProblems.length} of ${count(unreadableTotal)}. Those rows are left out.`
              : `${plural(unreadableTotal, "cell", "cells")}. Those rows are left out.`}
          </Caption1>
          <div className={styles.scroller} role="region" aria-label="Cells that can't be read, scrollable" tabIndex={0}>
            <Table size="extra-small" className={styles.table} aria-label="Cells that can't be read">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell className={styles.number}>Row</TableHeaderCell>
                  <TableHeaderCell>Column</TableHeaderCell>
                  <TableHeaderCell>Value</TableHeaderCell>
                  <TableHeaderCell>Why</TableHeaderCell>
                  {onShow && <TableHeaderCell>In the sheet</TableHeaderCell>}
                </TableRow>
              </TableHeader>
              <TableBody>
                {listedProblems.map((problem) => (
                  <TableRow key={`${problem.column}-${problem.row}`}>
                    <TableCell className={styles.number}>{problem.row}</TableCell>
                    <TableCell className={styles.cell}>{problem.column}</TableCell>
                    <TableCell className={styles.cell}>{problem.value === "" ? "(blank)" : problem.value}</TableCell>
                    <TableCell className={styles.reason}>{problem.reason}</TableCell>
                    {onShow && (
                      <TableCell>
                        {showButton(`Show row ${problem.row} in the sheet`, () => ({ rows: [problemRow(run.sheet, problem)], what: `row ${problem.row}` }))}
                      </TableCell>
                    )}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </section>
      )}

      {listedItems.length > 0 && (
        <section className={styles.block} aria-labelledby="readiness-items-heading">
          <Body1Strong as="h3" id="readiness-items-heading" style={{ margin: 0 }}>
            Items short of {plural(run.thresholds.minHistoryPeriods, "month", "months")} of history
          </Body1Strong>
          <Caption1 className={styles.muted}>
            {report.shortHistory.length > listedItems.length
              ? `The ${listedItems.length} with the least history of ${count(report.shortHistory.length)}.`
              : `${plural(report.shortHistory.length, "item", "items")}, least history first.`}{" "}
            History counts the months from an item's first sale to the end of the data.
          </Caption1>
          <div className={styles.scroller} role="region" aria-label="Items short of history, scrollable" tabIndex={0}>
            <Table size="extra-small" className={styles.table} aria-label="Items short of history">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Item</TableHeaderCell>
                  <TableHeaderCell className={styles.number}>Months</TableHeaderCell>
                  {onShow && <TableHeaderCell>In the sheet</TableHeaderCell>}
                </TableRow>
              </TableHeader>
              <TableBody>
                {listedItems.map((item) => (
                  <TableRow key={item.id}>
                    <TableCell className={styles.cell}>{item.id}</TableCell>
                    <TableCell className={styles.number}>{count(item.periods)}</TableCell>
                    {onShow && (
                      <TableCell>
                        {showButton(`Show the rows of item ${item.id} in the sheet`, () => {
                          const rows = itemRows(run.sheet, item.id);
                          return { rows, what: `the ${plural(rows.length, "row", "rows")} of item ${item.id}` };
                        })}
                      </TableCell>
                    )}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </section>
      )}

      {run.output.lineRules.length > 0 && (
        <section className={styles.block} aria-labelledby="readiness-rules-heading">
          <Body1Strong as="h3" id="readiness-rules-heading" style={{ margin: 0 }}>
            How the lines were read
          </Body1Strong>
          <div className={styles.scroller} role="region" aria-label="Lines by rule, scrollable" tabIndex={0}>
            <Table size="extra-small" className={styles.table} aria-label="Lines by rule">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Lines that are</TableHeaderCell>
                  <TableHeaderCell className={styles.number}>Lines</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {run.output.lineRules.map((rule) => (
                  <TableRow key={rule.status}>
                    <TableCell className={styles.cell}>{rule.status}</TableCell>
                    <TableCell className={styles.number}>{count(rule.lines)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          <Caption1 className={styles.muted}>
            Returns, zero quantities and zero or negative prices are left out of demand
            {run.output.nonProductCodeCount > 0
              ? `; so are codes with no digit, which are not products (${run.output.nonProductCodes.map((code) => code.code).join(", ")}${
                  run.output.nonProductCodeCount > run.output.nonProductCodes.length ? ", …" : ""
                })`
              : ""}
            .{run.output.oneOffLines > 0 ? ` ${plural(run.output.oneOffLines, "one-off line was", "one-off lines were")} found (kept here; a definition may exclude them).` : ""}
          </Caption1>
        </section>
      )}
    </div>
  );
}

/**
 * The Data view's readiness check: the thresholds (editable), a check run in the engine worker with
 * progress and Cancel, and its findings with the failing rows one click away in the sheet.
 */
import * as React from "react";
import { Body1, Button, Caption1, Field, Input, makeStyles, MessageBar, MessageBarBody, ProgressBar, Subtitle2, tokens } from "@fluentui/react-components";
import { checkReadiness, lastReadiness, type ReadinessRun } from "../../analysis/readiness";
import { readinessThresholds, setReadinessThresholds, subscribeReadinessThresholds } from "../../analysis/readinessThresholds";
import { missingRolesMessage } from "../../analysis/sheetLines";
import type { ChosenData } from "../../dataset";
import { useServices } from "../../services";
import type { WorkbookGateway } from "../../workbook/gateway";
import { ReadinessReport, type ShowRequest } from "./ReadinessReport";
import { draftOf, parseDraft, sameThresholds, type ThresholdDraft } from "./thresholdDraft";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground3, margin: 0 },
  fields: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(140px, 1fr))",
    alignItems: "start",
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
  },
  input: { minWidth: 0, width: "100%" },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

type Phase =
  | { kind: "idle" }
  | { kind: "running"; done: number; total: number; message?: string }
  | { kind: "failed"; message: string; cancelled: boolean };

type Selection = { kind: "idle" } | { kind: "selecting" } | { kind: "selected"; message: string } | { kind: "failed"; message: string };

function failureOf(error: unknown): { message: string; cancelled: boolean } {
  const cancelled = (error as { name?: string })?.name === "JobCancelled" || (error as { kind?: string })?.kind === "cancelled";
  return { message: error instanceof Error ? error.message : String(error), cancelled };
}

const THRESHOLD_FIELDS: { key: keyof ThresholdDraft; label: string; hint: string }[] = [
  { key: "completeness", label: "Minimum completeness (%)", hint: "Of rows each required column must be readable in." },
  { key: "months", label: "Months of history", hint: "From an item's first sale to the end of the data." },
  { key: "itemShare", label: "Items with that history (%)", hint: "Share of items that must have it." },
];

export function ReadinessSection({ chosen, workbook }: { chosen: ChosenData; workbook: WorkbookGateway | null }) {
  const styles = useStyles();
  const services = useServices();
  const thresholds = React.useSyncExternalStore(subscribeReadinessThresholds, readinessThresholds);
  const [draft, setDraft] = React.useState<ThresholdDraft>(() => draftOf(readinessThresholds()));
  const [phase, setPhase] = React.useState<Phase>({ kind: "idle" });
  const [run, setRun] = React.useState<ReadinessRun | null>(() => lastReadiness(chosen.data));
  const [selection, setSelection] = React.useState<Selection>({ kind: "idle" });
  const running = React.useRef<AbortController | null>(null);

  // Other data read: its own last check, if any; the old one's rows mean nothing there.
  React.useEffect(() => {
    setRun((current) => (current && current.chosen.data === chosen.data ? current : lastReadiness(chosen.data)));
    setSelection({ kind: "idle" });
  }, [chosen.data]);
  React.useEffect(() => () => running.current?.abort(), []);

  const parsed = parseDraft(draft);
  const errors = "errors" in parsed ? parsed.errors : {};
  const missing = missingRolesMessage(chosen.roles, "check readiness");

  const changeDraft = (key: keyof ThresholdDraft, value: string) => {
    const next = { ...draft, [key]: value };
    setDraft(next);
    const result = parseDraft(next);
    if ("thresholds" in result) setReadinessThresholds(result.thresholds);
  };

  const check = async () => {
    if (!("thresholds" in parsed) || missing) return;
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    setSelection({ kind: "idle" });
    setPhase({ kind: "running", done: 0, total: 1, message: "Reading the lines" });
    try {
      const result = await checkReadiness(services, chosen, parsed.thresholds, {
        signal: controller.signal,
        onProgress: (done, total, message) => {
          if (running.current === controller) setPhase({ kind: "running", done, total, message });
        },
      });
      if (running.current !== controller) return;
      setRun(result);
      setPhase({ kind: "idle" });
    } catch (error) {
      if (running.current === controller) setPhase({ kind: "failed", ...failureOf(error) });
    } finally {
      if (running.current === controller) running.current = null;
    }
  };

  const show = async (request: () => ShowRequest) => {
    if (!workbook) return;
    const { rows, what } = request();
    if (rows.length === 0) {
      setSelection({ kind: "failed", message: "Those rows are no longer in the data read: read the data again and check again." });
      return;
    }
    setSelection({ kind: "selecting" });
    try {
      const address = await workbook.selectRows(chosen.data, rows);
      setSelection({ kind: "selected", message: `Selected ${what} in the sheet: ${address}.` });
    } catch (error) {
      setSelection({ kind: "failed", message: failureOf(error).message });
    }
  };

  const busy = phase.kind === "running";
  const shown = run && run.chosen.data === chosen.data ? run : null;
  const stale = shown !== null && (shown.chosen !== chosen || !sameThresholds(shown.thresholds, thresholds));
  return (
    <section className={styles.section} aria-labelledby="data-readiness-heading">
      <Subtitle2 as="h2" id="data-readiness-heading" className={styles.heading}>
        Readiness
      </Subtitle2>
      <Body1 as="p" className={styles.muted}>
        Is this data good enough to segment on? Each required column must be readable, and enough items need enough history.
      </Body1>
      <div className={styles.fields}>
        {THRESHOLD_FIELDS.map(({ key, label, hint }) => (
          <Field key={key} label={label} hint={errors[key] ? undefined : hint} validationState={errors[key] ? "error" : "none"} validationMessage={errors[key]}>
            <Input
              className={styles.input}
              type="number"
              inputMode="decimal"
              min={0}
              max={key === "months" ? undefined : 100}
              step={key === "months" ? 1 : "any"}
              value={draft[key]}
              disabled={busy}
              onChange={(_, data) => changeDraft(key, data.value)}
            />
          </Field>
        ))}
      </div>
      {missing && (
        <MessageBar intent="info">
          <MessageBarBody>{missing}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button onClick={() => void check()} disabled={busy || missing !== null || !("thresholds" in parsed)}>
          Check readiness
        </Button>
        {busy && <Button onClick={() => running.current?.abort()}>Cancel</Button>}
      </div>
      {phase.kind === "running" && (
        <Field label="Checking readiness" hint={phase.message ?? "Working…"} validationState="none">
          <ProgressBar value={phase.total > 0 ? phase.done / phase.total : undefined} max={1} aria-label="Readiness check progress" />
        </Field>
      )}
      {phase.kind === "failed" && (
        <MessageBar intent={phase.cancelled ? "info" : "error"}>
          <MessageBarBody>{phase.cancelled ? "The readiness check was cancelled; nothing changed." : phase.message}</MessageBarBody>
        </MessageBar>
      )}
      {shown && (
        <>
          {stale && (
            <Caption1 className={styles.muted} aria-live="polite">
              These findings are for the columns and thresholds of the last check. Check again to update them.
            </Caption1>
          )}
          {shown.sheet.problems.map((problem) => (
            <MessageBar key={problem.role} intent="error">
              <MessageBarBody>{problem.message}</MessageBarBody>
            </MessageBar>
          ))}
          <ReadinessReport run={shown} onShow={workbook ? (request) => void show(request) : null} busy={selection.kind === "selecting"} />
          <div aria-live="polite">
            {selection.kind === "selected" && <Caption1>{selection.message}</Caption1>}
            {selection.kind === "failed" && (
              <MessageBar intent="error">
                <MessageBarBody>{selection.message}</MessageBarBody>
              </MessageBar>
            )}
          </div>
        </>
      )}
    </section>
  );
}

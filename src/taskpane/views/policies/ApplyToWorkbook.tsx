/**
 * "Write to workbook": saves the definition in the workbook and writes its Assignments, Summary and
 * Policies tables (apply/writeResults.ts), with a progress bar and a Cancel button. When a sheet of
 * the user's is in the way, a dialog asks: replace it, write under another name, or stop. The outcome
 * names every sheet written and whether it was new or updated in place.
 */
import * as React from "react";
import {
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  tokens,
} from "@fluentui/react-components";
import { TableArrowUpRegular } from "@fluentui/react-icons";
import type { ApplyResult } from "../../../engine/apply/applyDefinition";
import { formatCount } from "../../../engine/definition/format";
import type { LiveFigures } from "../../apply/policyFigures";
import {
  type ConflictAnswer,
  type ResultsConflict,
  type WriteProgress,
  type WriteResultsOutcome,
  type WrittenTable,
  writeResults,
} from "../../apply/writeResults";
import { useServices } from "../../services";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  muted: { color: tokens.colorNeutralForeground3 },
  dialogActions: { flexWrap: "wrap" },
});

type Phase =
  | { kind: "idle" }
  | { kind: "writing"; progress: WriteProgress }
  | { kind: "done"; outcome: WriteResultsOutcome }
  | { kind: "failed"; message: string; written: WrittenTable[] };

interface PendingConflict {
  conflict: ResultsConflict;
  answer(choice: ConflictAnswer): void;
}

export interface ApplyToWorkbookProps {
  applied: ApplyResult;
  /** The figures to write; null while none are ready. */
  live: LiveFigures | null;
  /** Why writing must wait (an invalid field, an edit being priced); null when it can go. */
  blockedReason: string | null;
  /** After the tables were written: the figures written become the ones changes are shown against. */
  onWritten(live: LiveFigures): void;
}

const quoteSheet = (name: string) => `“${name}”`;

function tableList(tables: readonly WrittenTable[]): string {
  return tables
    .map((table) => `${quoteSheet(table.sheetName)} (${formatCount(table.rowCount)} ${table.rowCount === 1 ? "row" : "rows"}, ${table.created ? "new" : "updated in place"})`)
    .join(", ");
}

function Outcome({ outcome }: { outcome: WriteResultsOutcome }) {
  const saved = outcome.definition
    ? `The definition is saved in the workbook as ${outcome.definition.formulaName}: cells can use =SEGMENT.ASSIGN(${outcome.definition.formulaName}, …).`
    : "";
  if (outcome.status === "written") {
    return (
      <MessageBar intent="success">
        <MessageBarBody>
          <MessageBarTitle>Written to the workbook</MessageBarTitle>
          {tableList(outcome.tables)}. {saved} Writing again updates these sheets in place.
        </MessageBarBody>
      </MessageBar>
    );
  }
  const before = outcome.tables.length > 0 ? ` Written before that: ${tableList(outcome.tables)}.` : "";
  if (outcome.status === "declined") {
    return (
      <MessageBar intent="warning">
        <MessageBarBody>
          <MessageBarTitle>Stopped before the {outcome.skipped.toLowerCase()}</MessageBarTitle>
          You chose not to replace the sheet in the way, so the {outcome.skipped.toLowerCase()} and the tables after it were not written.{before} {saved}
        </MessageBarBody>
      </MessageBar>
    );
  }
  const where = outcome.stopped === "definition" ? "before anything was written" : `while writing the ${outcome.stopped.toLowerCase()}`;
  return (
    <MessageBar intent="info">
      <MessageBarBody>
        <MessageBarTitle>Cancelled {where}</MessageBarTitle>
        {before} {saved} Write to workbook again to finish; a partly written sheet is redone.
      </MessageBarBody>
    </MessageBar>
  );
}

export function ApplyToWorkbook({ applied, live, blockedReason, onWritten }: ApplyToWorkbookProps) {
  const styles = useStyles();
  const { workbook } = useServices();
  const [phase, setPhase] = React.useState<Phase>({ kind: "idle" });
  const [pending, setPending] = React.useState<PendingConflict | null>(null);
  const controller = React.useRef<AbortController | null>(null);
  const mounted = React.useRef(true);
  React.useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      controller.current?.abort();
    };
  }, []);

  const write = async () => {
    if (!workbook || !live) return;
    const abort = new AbortController();
    controller.current = abort;
    const written: WrittenTable[] = [];
    setPhase({ kind: "writing", progress: { done: 0, total: 1, message: "Starting" } });
    try {
      const outcome = await writeResults(workbook, applied, live, {
        signal: abort.signal,
        onProgress: (progress) => mounted.current && setPhase({ kind: "writing", progress }),
        onTableWritten: (table) => written.push(table),
        askConflict: (conflict) => new Promise<ConflictAnswer>((resolve) => setPending({ conflict, answer: resolve })),
      });
      if (!mounted.current) return;
      setPhase({ kind: "done", outcome });
      if (outcome.status === "written") onWritten(live);
    } catch (error) {
      if (!mounted.current) return;
      const message = error instanceof Error ? error.message : String(error);
      setPhase({ kind: "failed", message, written });
    } finally {
      if (controller.current === abort) controller.current = null;
    }
  };

  const answer = (choice: ConflictAnswer) => {
    pending?.answer(choice);
    setPending(null);
  };

  const writing = phase.kind === "writing";
  const disabledBecause = !workbook
    ? "Open Supply Segments in Excel to write the results to a workbook."
    : !live
      ? "The figures are not ready yet."
      : blockedReason;
  const itemCount = applied.aggregated.table.ids.length;

  return (
    <section className={styles.root} aria-label="Write to workbook">
      <Caption1 className={styles.muted}>
        Saves the definition in the workbook and writes its assignments ({formatCount(itemCount)} items with reasons), summary and policies to sheets
        named after “{live?.definition.name ?? applied.definition.name}”. Your own sheets are never written over without asking.
      </Caption1>
      <div className={styles.actions}>
        <Button appearance="primary" icon={<TableArrowUpRegular />} disabled={writing || disabledBecause !== null} onClick={() => void write()}>
          Write to workbook
        </Button>
        {writing && (
          <Button onClick={() => controller.current?.abort()} aria-label="Cancel writing to the workbook">
            Cancel
          </Button>
        )}
      </div>
      {!writing && disabledBecause && <Caption1 className={styles.muted}>{disabledBecause}</Caption1>}
      {phase.kind === "writing" && (
        <Field validationMessage={phase.progress.message} validationState="none">
          <ProgressBar
            value={phase.progress.total > 0 ? phase.progress.done / phase.progress.total : undefined}
            aria-label={`Writing to the workbook: ${phase.progress.message}`}
          />
        </Field>
      )}
      {phase.kind === "done" && <Outcome outcome={phase.outcome} />}
      {phase.kind === "failed" && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>Could not write to the workbook</MessageBarTitle>
            {phase.message}
            {phase.written.length > 0 ? ` Written before the failure: ${tableList(phase.written)}.` : ""} Your policies are kept here; write again when
            the workbook is ready.
          </MessageBarBody>
        </MessageBar>
      )}
      <Dialog open={pending !== null} modalType="alert" onOpenChange={(_, data) => !data.open && answer("cancel")}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>A sheet is in the way</DialogTitle>
            <DialogContent>{pending?.conflict.message}</DialogContent>
            <DialogActions className={styles.dialogActions}>
              <Button appearance="primary" onClick={() => answer("rename")}>
                Write as “{pending?.conflict.alternativeSheetName}”
              </Button>
              <Button onClick={() => answer("replace")}>Replace</Button>
              <Button appearance="subtle" onClick={() => answer("cancel")}>
                Cancel
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
}

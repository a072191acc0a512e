/**
 * Writing one result table to the workbook (a scenario comparison, the KPIs), and what follows:
 * progress, where it went, the error in full, or — when a sheet of that name is in the way — a
 * dialog asking whether to replace it, write under the free name src/excel offers, or cancel.
 */
import * as React from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  Spinner,
} from "@fluentui/react-components";
import type { ResultTableRequest, ResultWriteOutcome } from "../../../excel/resultSheets";
import type { WorkbookGateway } from "../../workbook/gateway";

type Conflict = Extract<ResultWriteOutcome, { status: "conflict" }>;
type Written = Extract<ResultWriteOutcome, { status: "written" }>;

export type ResultWriteState =
  | { kind: "idle" }
  | { kind: "writing" }
  | { kind: "written"; outcome: Written }
  | { kind: "conflict"; request: ResultTableRequest; outcome: Conflict }
  | { kind: "cancelled" }
  | { kind: "failed"; message: string };

export interface ResultWriter {
  state: ResultWriteState;
  write(request: ResultTableRequest): Promise<void>;
  /** The progress, outcome and conflict dialog, to render under the button. */
  feedback: React.ReactNode;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function useResultWriter(workbook: WorkbookGateway | null, what: string): ResultWriter {
  const [state, setState] = React.useState<ResultWriteState>({ kind: "idle" });

  const write = React.useCallback(
    async (request: ResultTableRequest) => {
      if (!workbook) {
        setState({ kind: "failed", message: `Open Supply Segments in Excel to write the ${what} to a sheet.` });
        return;
      }
      setState({ kind: "writing" });
      try {
        const outcome = await workbook.writeResultTable(request);
        setState(outcome.status === "written" ? { kind: "written", outcome } : { kind: "conflict", request, outcome });
      } catch (error) {
        setState({ kind: "failed", message: messageOf(error) });
      }
    },
    [workbook, what],
  );

  const resolve = (choice: "replace" | "rename" | "cancel") => {
    if (state.kind !== "conflict") return;
    if (choice === "cancel") setState({ kind: "cancelled" });
    else void write({ ...state.request, onConflict: choice });
  };

  const feedback = (
    <>
      {state.kind === "writing" && <Spinner size="tiny" labelPosition="after" label={`Writing the ${what} to the workbook…`} />}
      {state.kind === "written" && (
        <MessageBar intent="success">
          <MessageBarBody>
            {`${state.outcome.created ? "Written to" : "Updated"} the sheet "${state.outcome.sheetName}": table ${state.outcome.tableName}, ` +
              `${state.outcome.rowCount.toLocaleString("en-US")} rows.`}
          </MessageBarBody>
        </MessageBar>
      )}
      {state.kind === "cancelled" && (
        <MessageBar intent="info">
          <MessageBarBody>Nothing was written; the sheet in the way is as it was.</MessageBarBody>
        </MessageBar>
      )}
      {state.kind === "failed" && (
        <MessageBar intent="error">
          <MessageBarBody>{state.message}</MessageBarBody>
        </MessageBar>
      )}
      <Dialog open={state.kind === "conflict"} modalType="alert" onOpenChange={(_, data) => (!data.open ? resolve("cancel") : undefined)}>
        <DialogSurface aria-describedby="result-conflict-message">
          <DialogBody>
            <DialogTitle>A sheet is in the way</DialogTitle>
            <DialogContent id="result-conflict-message">{state.kind === "conflict" ? state.outcome.message : ""}</DialogContent>
            <DialogActions fluid>
              <Button appearance="primary" onClick={() => resolve("rename")}>
                {state.kind === "conflict" ? `Write as "${state.outcome.alternativeSheetName}"` : "Write under another name"}
              </Button>
              <Button onClick={() => resolve("replace")}>Replace</Button>
              <Button onClick={() => resolve("cancel")}>Cancel</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
  return { state, write, feedback };
}

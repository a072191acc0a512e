/**
 * The Data view: choose the table, named range or selection to segment, read it (in chunks, with
 * progress and cancel), check the guessed role of each column, see a preview, check the data's
 * readiness (with the failing rows one click away in the sheet), and keep the choice with the workbook.
 */
import * as React from "react";
import {
  Body1,
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Field,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { guessColumnRoles, type ColumnRole } from "../../../engine/data/columnRoles";
import { filledShare } from "../../../excel/columns";
import type { SheetData } from "../../../excel/reader";
import type { WorkbookSources } from "../../../excel/sources";
import { useDataset, type RoleColumns } from "../../dataset";
import { useServices } from "../../services";
import type { SavedDataChoice, WorkbookGateway } from "../../workbook/gateway";
import { DataPreview } from "./DataPreview";
import { ReadinessSection } from "./ReadinessSection";
import { RoleMapping } from "./RoleMapping";
import { allChoices, SourcePicker, sourceKey } from "./SourcePicker";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXL },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  muted: { color: tokens.colorNeutralForeground3, margin: 0 },
});

type Phase =
  | { kind: "idle" }
  | { kind: "reading"; read: number; total: number }
  | { kind: "ready" }
  | { kind: "failed"; message: string; cancelled: boolean };

const count = (n: number) => n.toLocaleString("en-US");

function messageOf(error: unknown): { message: string; cancelled: boolean } {
  const cancelled = (error as { kind?: string })?.kind === "cancelled";
  return { message: error instanceof Error ? error.message : String(error), cancelled };
}

/** Roles from a saved choice when it names this data's headers, else guessed from the headers and contents. */
export function initialRoles(data: SheetData, saved: SavedDataChoice | null): { roles: RoleColumns; guessed: Set<ColumnRole> } {
  if (saved && sourceKey(saved.source) === sourceKey(data.source)) {
    const roles: RoleColumns = {};
    for (const [role, header] of Object.entries(saved.roles)) {
      const index = data.headers.indexOf(header as string);
      if (index >= 0) roles[role as ColumnRole] = index;
    }
    if (Object.keys(roles).length > 0) return { roles, guessed: new Set() };
  }
  const guess = guessColumnRoles(
    data.columns.map((column) => ({ header: column.header, kind: column.kind, isDate: column.isDate, filled: filledShare(column) })),
  );
  return { roles: guess.columns, guessed: new Set(Object.keys(guess.columns) as ColumnRole[]) };
}

export default function DataView() {
  const { workbook } = useServices();
  if (!workbook) {
    return (
      <MessageBar intent="info">
        <MessageBarBody>Open Supply Segments in Excel to choose data from your workbook.</MessageBarBody>
      </MessageBar>
    );
  }
  return <WorkbookData workbook={workbook} />;
}

function WorkbookData({ workbook }: { workbook: WorkbookGateway }) {
  const styles = useStyles();
  const { chosen, choose } = useDataset();
  const [sources, setSources] = React.useState<WorkbookSources | null>(null);
  const [listError, setListError] = React.useState<string | null>(null);
  const [selectedKey, setSelectedKey] = React.useState<string | null>(chosen ? sourceKey(chosen.data.source) : null);
  const [phase, setPhase] = React.useState<Phase>(chosen ? { kind: "ready" } : { kind: "idle" });
  const [guessed, setGuessed] = React.useState<ReadonlySet<ColumnRole>>(new Set());
  const [saveState, setSaveState] = React.useState<{ kind: "idle" | "saving" | "saved" } | { kind: "failed"; message: string }>({ kind: "idle" });
  const reading = React.useRef<AbortController | null>(null);

  const refresh = React.useCallback(async () => {
    setListError(null);
    try {
      const found = await workbook.listSources();
      setSources(found);
      setSelectedKey((current) => {
        const keys = allChoices(found).map((choice) => sourceKey(choice.source));
        if (current && keys.includes(current)) return current;
        const saved = workbook.savedDataChoice();
        if (saved && keys.includes(sourceKey(saved.source))) return sourceKey(saved.source);
        return found.tables.length === 1 ? sourceKey(found.tables[0].source) : current;
      });
    } catch (error) {
      setListError(messageOf(error).message);
    }
  }, [workbook]);

  React.useEffect(() => {
    void refresh();
    return () => reading.current?.abort();
  }, [refresh]);

  const read = async () => {
    const choice = allChoices(sources).find((item) => sourceKey(item.source) === selectedKey);
    if (!choice) return;
    const controller = new AbortController();
    reading.current = controller;
    setSaveState({ kind: "idle" });
    setPhase({ kind: "reading", read: 0, total: Math.max(0, choice.rowCount - 1) });
    try {
      const data = await workbook.readSource(choice.source, {
        signal: controller.signal,
        onProgress: (rowsRead, rowCount) => setPhase({ kind: "reading", read: rowsRead, total: rowCount }),
      });
      const initial = initialRoles(data, workbook.savedDataChoice());
      setGuessed(initial.guessed);
      choose({ data, roles: initial.roles });
      setPhase({ kind: "ready" });
    } catch (error) {
      setPhase({ kind: "failed", ...messageOf(error) });
    } finally {
      reading.current = null;
    }
  };

  const changeRole = (role: ColumnRole, column: number | null) => {
    if (!chosen) return;
    const roles: RoleColumns = { ...chosen.roles };
    // A column plays one role: choosing it here takes it from the role that had it.
    for (const [other, index] of Object.entries(roles)) if (column !== null && index === column) delete roles[other as ColumnRole];
    if (column === null) delete roles[role];
    else roles[role] = column;
    const stillGuessed = new Set(guessed);
    stillGuessed.delete(role);
    setGuessed(stillGuessed);
    setSaveState({ kind: "idle" });
    choose({ ...chosen, roles });
  };

  const save = async () => {
    if (!chosen) return;
    setSaveState({ kind: "saving" });
    const roles: SavedDataChoice["roles"] = {};
    for (const [role, index] of Object.entries(chosen.roles)) roles[role as ColumnRole] = chosen.data.headers[index as number];
    try {
      await workbook.saveDataChoice({ source: chosen.data.source, roles });
      setSaveState({ kind: "saved" });
    } catch (error) {
      setSaveState({ kind: "failed", message: messageOf(error).message });
    }
  };

  const busy = phase.kind === "reading";
  const data = chosen?.data ?? null;
  const itemMissing = chosen !== null && chosen.roles.itemId === undefined;
  return (
    <div className={styles.root}>
      <section className={styles.section} aria-labelledby="data-source-heading">
        <Subtitle2 as="h2" id="data-source-heading" className={styles.heading}>
          Source
        </Subtitle2>
        {listError && (
          <MessageBar intent="error">
            <MessageBarBody>{listError}</MessageBarBody>
          </MessageBar>
        )}
        <SourcePicker sources={sources} selectedKey={selectedKey} onSelect={setSelectedKey} disabled={busy} />
        <div className={styles.actions}>
          <Button appearance="primary" onClick={() => void read()} disabled={busy || selectedKey === null}>
            Read data
          </Button>
          {busy ? (
            <Button onClick={() => reading.current?.abort()}>Cancel</Button>
          ) : (
            <Button onClick={() => void refresh()} aria-label="Refresh the list of tables, named ranges and the selection">
              Refresh list
            </Button>
          )}
        </div>
        {phase.kind === "reading" && (
          <Field
            label="Reading from the workbook"
            hint={phase.total > 0 ? `${count(phase.read)} of ${count(phase.total)} rows` : "Starting…"}
            validationState="none"
          >
            <ProgressBar value={phase.total > 0 ? phase.read / phase.total : undefined} max={1} aria-label="Rows read" />
          </Field>
        )}
        {phase.kind === "failed" && (
          <MessageBar intent={phase.cancelled ? "info" : "error"}>
            <MessageBarBody>{phase.cancelled ? "Reading was cancelled; nothing changed." : phase.message}</MessageBarBody>
          </MessageBar>
        )}
        {data && phase.kind !== "reading" && (
          <Caption1 className={styles.muted} aria-live="polite">
            {count(data.rowCount)} rows · {data.headers.length} columns · {data.address}
          </Caption1>
        )}
      </section>

      {chosen && data && phase.kind !== "reading" && (
        <>
          <section className={styles.section} aria-labelledby="data-columns-heading">
            <Subtitle2 as="h2" id="data-columns-heading" className={styles.heading}>
              Columns
            </Subtitle2>
            <Body1 as="p" className={styles.muted}>
              What each column means. Guesses come from the headers; change any that are wrong.
            </Body1>
            <RoleMapping data={data} roles={chosen.roles} guessed={guessed} onChange={changeRole} />
          </section>

          <section className={styles.section} aria-labelledby="data-preview-heading">
            <Subtitle2 as="h2" id="data-preview-heading" className={styles.heading}>
              Preview
            </Subtitle2>
            <DataPreview data={data} roles={chosen.roles} />
          </section>

          <ReadinessSection chosen={chosen} workbook={workbook} />

          <section className={styles.section} aria-label="Keep this choice">
            {itemMissing && (
              <MessageBar intent="warning">
                <MessageBarBody>Choose the column that identifies the items (Item ID) before going on.</MessageBarBody>
              </MessageBar>
            )}
            <div className={styles.actions}>
              <Button appearance="primary" onClick={() => void save()} disabled={itemMissing || saveState.kind === "saving"}>
                Use these columns
              </Button>
            </div>
            {saveState.kind === "saved" && (
              <MessageBar intent="success">
                <MessageBarBody>Saved with the workbook: the pane reopens on this data and these columns.</MessageBarBody>
              </MessageBar>
            )}
            {saveState.kind === "failed" && (
              <MessageBar intent="error">
                <MessageBarBody>{saveState.message}</MessageBarBody>
              </MessageBar>
            )}
          </section>
        </>
      )}
    </div>
  );
}

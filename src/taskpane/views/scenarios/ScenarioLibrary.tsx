/**
 * Saving the working design as a scenario, the scenarios saved so far, and the scenarios kept in
 * the workbook. A scenario is saved for the session (the design provider) and, in Excel, as a
 * definition named "Scenario <name>" in the workbook, so it survives closing the pane; loading one
 * back makes it the working design, applies it to the chosen data and saves it as a scenario again.
 */
import * as React from "react";
import {
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { DeleteRegular } from "@fluentui/react-icons";
import { parseDefinition, type SegmentDefinition } from "../../../engine/definition";
import { formatCount } from "../../../engine/definition/format";
import type { StoredDefinition } from "../../../excel/definitionStore";
import { useDesign, type Scenario } from "../../design";
import { useServices } from "../../services";

/** Workbook definitions whose name starts with this are saved scenarios. */
export const SCENARIO_PREFIX = "Scenario ";

export function storedScenarioName(name: string): string {
  return `${SCENARIO_PREFIX}${name}`;
}

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground3, margin: 0 },
  saveRow: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "flex-end", flexWrap: "wrap" },
  nameField: { flexGrow: 1, minWidth: "160px" },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  item: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  itemText: { display: "flex", flexDirection: "column", flexGrow: 1, minWidth: 0, overflowWrap: "anywhere" },
});

type Note = { intent: "success" | "error" | "info" | "warning"; text: string };

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function time(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

function sameDefinition(a: SegmentDefinition, b: SegmentDefinition): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

export function ScenarioLibrary() {
  const styles = useStyles();
  const { workbook } = useServices();
  const { definition, applied, applyStatus, setDefinition, scenarios, saveScenario, removeScenario } = useDesign();
  const [name, setName] = React.useState("");
  const [note, setNote] = React.useState<Note | null>(null);
  const [stored, setStored] = React.useState<StoredDefinition[] | null>(null);
  const [storedError, setStoredError] = React.useState<string | null>(null);
  const [pending, setPending] = React.useState<{ name: string; definition: SegmentDefinition; kept: string | null } | null>(null);
  const suggested = `Scenario ${scenarios.length + 1}`;
  const ready = definition !== null && applied !== null && applied.definition === definition && applyStatus.kind !== "running";

  const refreshStored = React.useCallback(async () => {
    if (!workbook) return;
    setStoredError(null);
    try {
      const all = await workbook.listDefinitions();
      setStored(all.filter((entry) => entry.name.startsWith(SCENARIO_PREFIX)));
    } catch (error) {
      setStoredError(`The scenarios kept in this workbook could not be listed: ${messageOf(error)}`);
    }
  }, [workbook]);

  React.useEffect(() => {
    void refreshStored();
  }, [refreshStored]);

  // A scenario loaded from the workbook: once the provider has applied it, save it as a scenario.
  React.useEffect(() => {
    if (!pending) return;
    if (applied && applied.definition === pending.definition) {
      saveScenario(pending.name);
      setPending(null);
      setNote({
        intent: "success",
        text:
          `Loaded "${pending.name}" from the workbook and applied it to the data; it is the working design now.` +
          (pending.kept ? ` The design you were working on is saved as "${pending.kept}".` : ""),
      });
    } else if (!applied && applyStatus.kind === "idle") {
      // The provider had no data to apply it to.
      setPending(null);
      setNote({
        intent: "error",
        text: `"${pending.name}" is the working design now, but there is no data to apply it to: choose the data (Data view), then save it as a scenario.`,
      });
    } else if (applyStatus.kind === "failed") {
      setPending(null);
      setNote({
        intent: "error",
        text: applyStatus.cancelled
          ? `Loading "${pending.name}" was cancelled before it was applied; it is the working design but not saved as a scenario.`
          : `"${pending.name}" could not be applied to the data: ${applyStatus.message}`,
      });
    }
  }, [pending, applied, applyStatus, saveScenario]);

  const taken = (candidate: string) => scenarios.some((scenario) => scenario.name.toLowerCase() === candidate.toLowerCase());

  const save = async () => {
    const chosenName = name.trim() || suggested;
    if (taken(chosenName)) {
      setNote({ intent: "error", text: `A scenario named "${chosenName}" is already saved. Choose another name, or remove that scenario first.` });
      return;
    }
    const scenario = saveScenario(chosenName);
    if (!scenario) {
      setNote({ intent: "error", text: "There is no applied design to save yet: design the segments (Design view) on the chosen data first." });
      return;
    }
    setName("");
    if (!workbook) {
      setNote({ intent: "info", text: `Saved "${scenario.name}" for this session. Open the pane in Excel to keep scenarios in the workbook.` });
      return;
    }
    setNote({ intent: "info", text: `Saved "${scenario.name}"; keeping it in the workbook…` });
    try {
      await workbook.saveDefinition(storedScenarioName(scenario.name), JSON.stringify(scenario.definition));
      setNote({ intent: "success", text: `Saved "${scenario.name}", and kept it in this workbook as "${storedScenarioName(scenario.name)}".` });
      await refreshStored();
    } catch (error) {
      setNote({
        intent: "warning",
        text: `Saved "${scenario.name}" for this session, but it could not be kept in the workbook: ${messageOf(error)}`,
      });
    }
  };

  const load = async (entry: StoredDefinition) => {
    if (!workbook) return;
    const scenarioName = entry.name.slice(SCENARIO_PREFIX.length).trim();
    try {
      const json = await workbook.loadDefinition(entry.name);
      if (json === null) {
        setNote({ intent: "error", text: `The workbook no longer holds "${entry.name}". Refresh the list.` });
        await refreshStored();
        return;
      }
      let parsed: SegmentDefinition;
      try {
        parsed = parseDefinition(json);
      } catch (error) {
        setNote({ intent: "error", text: `"${entry.name}" in this workbook is not a valid definition, so it was not loaded: ${messageOf(error)}` });
        return;
      }
      // Keep the working design as a scenario unless one already holds it: loading replaces it.
      let kept: string | null = null;
      if (ready && definition && !scenarios.some((scenario) => sameDefinition(scenario.definition, definition))) {
        let candidate = `Before loading ${scenarioName}`;
        for (let n = 2; taken(candidate); n++) candidate = `Before loading ${scenarioName} (${n})`;
        kept = saveScenario(candidate)?.name ?? null;
      }
      setNote({ intent: "info", text: `Applying "${scenarioName}" to the data…` });
      setPending({ name: scenarioName, definition: parsed, kept });
      setDefinition(parsed);
    } catch (error) {
      setNote({ intent: "error", text: `"${entry.name}" could not be read from the workbook: ${messageOf(error)}` });
    }
  };

  const inSession = new Set(scenarios.map((scenario) => scenario.name.toLowerCase()));
  const loadable = (stored ?? []).filter((entry) => !inSession.has(entry.name.slice(SCENARIO_PREFIX.length).trim().toLowerCase()));

  return (
    <section className={styles.section} aria-labelledby="scenario-save-heading">
      <Subtitle2 as="h2" id="scenario-save-heading" className={styles.heading}>
        Save the working design
      </Subtitle2>
      {!ready && applyStatus.kind !== "running" && (
        <Body1 as="p" className={styles.muted}>
          Design the segments on the chosen data first (Data, then Design); the applied design can then be saved as a scenario.
        </Body1>
      )}
      <div className={styles.saveRow}>
        <Field className={styles.nameField} label="Scenario name" hint={`Blank saves it as "${suggested}".`}>
          <Input value={name} onChange={(_, data) => setName(data.value)} placeholder={suggested} disabled={!ready || pending !== null} />
        </Field>
        <Button appearance="primary" onClick={() => void save()} disabled={!ready || pending !== null}>
          Save scenario
        </Button>
      </div>
      {note && (
        <MessageBar intent={note.intent}>
          <MessageBarBody>{note.text}</MessageBarBody>
        </MessageBar>
      )}

      <Subtitle2 as="h3" className={styles.heading}>
        Saved scenarios
      </Subtitle2>
      {scenarios.length === 0 ? (
        <Caption1 className={styles.muted}>None yet.</Caption1>
      ) : (
        <ul className={styles.list} aria-label="Saved scenarios">
          {[...scenarios].reverse().map((scenario: Scenario) => (
            <li key={scenario.id} className={styles.item} aria-label={scenario.name}>
              <span className={styles.itemText}>
                <Body1>{scenario.name}</Body1>
                <Caption1 className={styles.muted}>
                  {formatCount(scenario.applied.aggregated.table.ids.length)} items · {scenario.definition.segments.length} segments · saved{" "}
                  {time(scenario.savedAt)}
                </Caption1>
              </span>
              <Button
                appearance="subtle"
                icon={<DeleteRegular />}
                aria-label={`Remove the scenario ${scenario.name} from this session`}
                onClick={() => removeScenario(scenario.id)}
              />
            </li>
          ))}
        </ul>
      )}

      {workbook && (
        <>
          <Subtitle2 as="h3" className={styles.heading}>
            In this workbook
          </Subtitle2>
          {storedError && (
            <MessageBar intent="error">
              <MessageBarBody>{storedError}</MessageBarBody>
            </MessageBar>
          )}
          {stored !== null && loadable.length === 0 && !storedError && (
            <Caption1 className={styles.muted}>
              {stored.length === 0 ? "No scenarios are kept in this workbook yet." : "Every scenario kept in this workbook is loaded."}
            </Caption1>
          )}
          {loadable.length > 0 && (
            <ul className={styles.list} aria-label="Scenarios kept in this workbook">
              {loadable.map((entry) => (
                <li key={entry.name} className={styles.item}>
                  <span className={styles.itemText}>
                    <Body1>{entry.name.slice(SCENARIO_PREFIX.length)}</Body1>
                    <Caption1 className={styles.muted}>kept {time(entry.savedAt)}</Caption1>
                  </span>
                  <Button
                    onClick={() => void load(entry)}
                    disabled={pending !== null || applyStatus.kind === "running"}
                    aria-label={`Load the scenario ${entry.name.slice(SCENARIO_PREFIX.length)} from the workbook`}
                  >
                    Load
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

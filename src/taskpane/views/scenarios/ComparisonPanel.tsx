/**
 * Two scenarios side by side: pick A and B (the two newest by default), then the totals, each
 * segment's items, revenue, inventory, fill rate and cost-to-serve with the difference, the from/to
 * matrix of items moving, the items that move, and writing the comparison to a sheet.
 */
import * as React from "react";
import {
  Body1,
  Button,
  Caption1,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { formatCount, formatShare } from "../../../engine/definition/format";
import { useDesign, type Scenario } from "../../design";
import { useServices } from "../../services";
import { compareResults, comparisonColumns, comparisonName, differentData } from "./comparison";
import { ComparisonTables } from "./ComparisonTables";
import { PricingStatus } from "./PricingStatus";
import { useRepriced, type Priceable } from "./repriced";
import { useResultWriter } from "./ResultWriter";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground3, margin: 0 },
  pickers: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(130px, 1fr))", gap: tokens.spacingHorizontalM },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  summary: { margin: 0 },
});

function pick(scenarios: readonly Scenario[], chosen: string | null, fallback: number): Scenario | null {
  return scenarios.find((scenario) => scenario.id === chosen) ?? scenarios[fallback] ?? null;
}

export function ComparisonPanel() {
  const styles = useStyles();
  const { scenarios } = useDesign();
  const { workbook, engine } = useServices();
  const [chosenA, setChosenA] = React.useState<string | null>(null);
  const [chosenB, setChosenB] = React.useState<string | null>(null);
  const writer = useResultWriter(workbook, "comparison");
  const a = pick(scenarios, chosenA, scenarios.length - 2);
  const b = pick(scenarios, chosenB, scenarios.length - 1);
  const distinct = a !== null && b !== null && a.id !== b.id;
  const refusal = React.useMemo(() => (a && b && distinct ? differentData(a, b) : null), [a, b, distinct]);
  const entries = React.useMemo(
    (): Priceable[] | null =>
      a && b && distinct && !refusal
        ? [
            { applied: a.applied, definition: a.definition },
            { applied: b.applied, definition: b.definition },
          ]
        : null,
    [a, b, distinct, refusal],
  );
  const priced = useRepriced(entries, engine);
  const compared = React.useMemo(() => {
    if (!a || !b || !priced.results) return null;
    try {
      return { view: compareResults([a.name, b.name], [priced.results[0], priced.results[1]]), error: null };
    } catch (error) {
      return { view: null, error: `The scenarios could not be compared: ${error instanceof Error ? error.message : String(error)}` };
    }
  }, [a, b, priced.results]);

  if (scenarios.length < 2) {
    return (
      <section className={styles.section} aria-labelledby="scenario-compare-heading">
        <Subtitle2 as="h2" id="scenario-compare-heading" className={styles.heading}>
          Compare two scenarios
        </Subtitle2>
        <Body1 as="p" className={styles.muted}>
          Save at least two scenarios to compare them: {scenarios.length === 0 ? "none is saved yet" : "one is saved so far"}.
        </Body1>
      </section>
    );
  }

  const view = compared?.view ?? null;
  const problem = refusal ?? compared?.error ?? null;
  return (
    <section className={styles.section} aria-labelledby="scenario-compare-heading">
      <Subtitle2 as="h2" id="scenario-compare-heading" className={styles.heading}>
        Compare two scenarios
      </Subtitle2>
      <div className={styles.pickers}>
        <Field label="Scenario A">
          <Select value={a?.id ?? ""} onChange={(_, data) => setChosenA(data.value)} aria-label="Scenario A">
            {scenarios.map((scenario) => (
              <option key={scenario.id} value={scenario.id}>
                {scenario.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Scenario B">
          <Select value={b?.id ?? ""} onChange={(_, data) => setChosenB(data.value)} aria-label="Scenario B">
            {scenarios.map((scenario) => (
              <option key={scenario.id} value={scenario.id}>
                {scenario.name}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {a && b && !distinct && (
        <MessageBar intent="info">
          <MessageBarBody>Choose two different scenarios to compare.</MessageBarBody>
        </MessageBar>
      )}
      {problem && (
        <MessageBar intent="error">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      {entries && <PricingStatus state={priced} />}
      {view && (
        <>
          <Body1 as="p" aria-live="polite" className={styles.summary}>
            {`${formatCount(view.ids.length)} items: ${formatCount(view.comparison.changed.length)} change segment ` +
              `(${formatShare(view.ids.length > 0 ? view.comparison.changed.length / view.ids.length : 0)}) from "${view.names[0]}" to "${view.names[1]}".`}
          </Body1>
          <ComparisonTables view={view} />
          <div className={styles.actions}>
            <Button
              onClick={() =>
                void writer.write({ definitionName: comparisonName(view.names), kind: "Comparison", columns: comparisonColumns(view) })
              }
              disabled={!workbook || writer.state.kind === "writing"}
            >
              Write comparison to sheet
            </Button>
            {!workbook && <Caption1 className={styles.muted}>Available when the pane runs in Excel.</Caption1>}
          </div>
          {writer.feedback}
        </>
      )}
    </section>
  );
}

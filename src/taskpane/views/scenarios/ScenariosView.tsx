/**
 * The Scenarios view: save the working design as a scenario (kept in the workbook too), make a
 * variant by changing thresholds or service levels, and compare two scenarios side by side — items
 * moving between segments, inventory, fill rate, cost-to-serve — writing the comparison to a sheet.
 */
import * as React from "react";
import { Body1, makeStyles, MessageBar, MessageBarBody, tokens } from "@fluentui/react-components";
import { useDesign } from "../../design";
import { ApplyProgress } from "./ApplyProgress";
import { ComparisonPanel } from "./ComparisonPanel";
import { ScenarioLibrary } from "./ScenarioLibrary";
import { VariantEditor } from "./VariantEditor";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXL, minWidth: 0 },
});

export default function ScenariosView() {
  const styles = useStyles();
  const { definition, applied, applyStatus, setDefinition, reapply } = useDesign();
  const busy = applyStatus.kind === "running";
  return (
    <div className={styles.root}>
      <ApplyProgress status={applyStatus} onRetry={definition ? () => void reapply() : undefined} />
      <ScenarioLibrary />
      {definition ? (
        <VariantEditor definition={definition} applied={applied} busy={busy} onApply={setDefinition} />
      ) : (
        <MessageBar intent="info">
          <MessageBarBody>
            <Body1>There is no working design yet: choose the data, then design the segments, to make and compare scenarios.</Body1>
          </MessageBarBody>
        </MessageBar>
      )}
      <ComparisonPanel />
    </div>
  );
}

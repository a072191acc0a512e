/**
 * A dialog to set (or remove) one segment's target for one KPI, with its escalation threshold.
 * What the planner typed stays in the fields until it is saved or the dialog is cancelled.
 */
import * as React from "react";
import {
  Body1,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  tokens,
} from "@fluentui/react-components";
import type { SegmentDefinition } from "../../../engine/definition";
import { HIGHER_IS_BETTER, type KpiName } from "../../../engine/definition/policySchema";
import { KPI_LABELS } from "../../../engine/kpi/evaluate";
import { KPI_UNIT } from "./kpiRows";
import { targetTexts, withTarget, type TargetTexts } from "./targets";

const useStyles = makeStyles({
  content: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

export interface TargetEditing {
  segment: string;
  kpi: KpiName;
}

export interface TargetDialogProps {
  definition: SegmentDefinition;
  /** Render with a key per segment and KPI, so the fields start from that target. */
  editing: TargetEditing;
  onClose(): void;
  onSave(next: SegmentDefinition): void;
}

export function TargetDialog({ definition, editing, onClose, onSave }: TargetDialogProps) {
  const styles = useStyles();
  const segment = definition.segments.find((entry) => entry.id === editing.segment) ?? null;
  const [texts, setTexts] = React.useState<TargetTexts>(() =>
    segment ? targetTexts(segment.targets, editing.kpi) : { target: "", escalation: "" },
  );
  const [problems, setProblems] = React.useState<{ target?: string; escalation?: string; message?: string }>({});

  if (!segment) return null;
  const kpi = editing.kpi;
  const label = KPI_LABELS[kpi];
  const unit = KPI_UNIT[kpi];
  const higher = HIGHER_IS_BETTER.has(kpi);
  const hasTarget = segment.targets[kpi] !== undefined;

  const save = (remove: boolean) => {
    const result = withTarget(definition, segment.id, kpi, remove ? null : texts);
    if (result.kind === "invalid") {
      setProblems(result);
      return;
    }
    onSave(result.definition);
  };

  return (
    <Dialog open onOpenChange={(_, data) => (!data.open ? onClose() : undefined)}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>
            {label} target of {segment.id}
          </DialogTitle>
          <DialogContent className={styles.content}>
            <Body1>
              {`${segment.name}. ${higher ? "Higher is better: below" : "Lower is better: above"} the target is off target; ` +
                `${higher ? "below" : "above"} the escalation threshold it is escalated.`}
            </Body1>
            <Field label="Target" hint={unit} validationMessage={problems.target} validationState={problems.target ? "error" : "none"}>
              <Input
                value={texts.target}
                onChange={(_, data) => setTexts((current) => ({ ...current, target: data.value }))}
                inputMode="decimal"
                aria-label={`${label} target of ${segment.id}, ${unit}`}
              />
            </Field>
            <Field
              label={higher ? "Escalate below" : "Escalate above"}
              hint={unit}
              validationMessage={problems.escalation}
              validationState={problems.escalation ? "error" : "none"}
            >
              <Input
                value={texts.escalation}
                onChange={(_, data) => setTexts((current) => ({ ...current, escalation: data.value }))}
                inputMode="decimal"
                aria-label={`${label} escalation threshold of ${segment.id}, ${unit}`}
              />
            </Field>
            {problems.message && (
              <MessageBar intent="error">
                <MessageBarBody>{problems.message}</MessageBarBody>
              </MessageBar>
            )}
          </DialogContent>
          <DialogActions fluid>
            <Button appearance="primary" onClick={() => save(false)}>
              Save target
            </Button>
            {hasTarget && <Button onClick={() => save(true)}>Remove target</Button>}
            <Button onClick={onClose}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

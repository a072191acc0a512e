/**
 * "Make a variant": the matrix cutoffs and each segment's service level as fields, applied to the
 * working design with setDefinition (the design provider re-applies it when the segments can
 * change). What the planner typed stays in the fields when something needs fixing.
 */
import * as React from "react";
import { Body1, Button, Caption1, Field, Input, makeStyles, MessageBar, MessageBarBody, Subtitle2, tokens } from "@fluentui/react-components";
import type { ApplyResult } from "../../../engine/apply/applyDefinition";
import type { SegmentDefinition } from "../../../engine/definition";
import { buildVariant, cutoffField, draftOf, editableClassifications, serviceLevelField, type VariantDraft } from "./variant";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground3, margin: 0 },
  fieldset: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    margin: 0,
    minWidth: 0,
  },
  legend: { padding: `0 ${tokens.spacingHorizontalXS}`, fontWeight: tokens.fontWeightSemibold },
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(min(100%, 112px), 1fr))",
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
  },
  input: { width: "100%", minWidth: 0 },
  inputText: { minWidth: 0, width: "100%" },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

export interface VariantEditorProps {
  definition: SegmentDefinition;
  applied: ApplyResult | null;
  busy: boolean;
  onApply(next: SegmentDefinition): void;
}

export function VariantEditor({ definition, applied, busy, onApply }: VariantEditorProps) {
  const styles = useStyles();
  const [draft, setDraft] = React.useState<VariantDraft>(() => draftOf(definition));
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const [message, setMessage] = React.useState<{ intent: "error" | "info" | "success"; text: string } | null>(null);
  const classifications = editableClassifications(definition);

  // A new working definition (applied here or edited elsewhere): start from its values.
  React.useEffect(() => {
    setDraft(draftOf(definition));
    setErrors({});
  }, [definition]);

  const setCutoff = (index: number, k: number, text: string) =>
    setDraft((current) => {
      const list = [...(current.cutoffs[index] ?? [])];
      list[k] = text;
      return { ...current, cutoffs: { ...current.cutoffs, [index]: list } };
    });
  const setLevel = (segment: string, text: string) =>
    setDraft((current) => ({ ...current, serviceLevels: { ...current.serviceLevels, [segment]: text } }));

  const apply = () => {
    const result = buildVariant(definition, draft, applied);
    if (result.kind === "invalid") {
      setErrors(result.fieldErrors);
      setMessage(result.message ? { intent: "error", text: result.message } : null);
      return;
    }
    setErrors({});
    if (result.kind === "unchanged") {
      setMessage({ intent: "info", text: "Nothing to apply: the values are those of the working design." });
      return;
    }
    onApply(result.definition);
    setMessage({ intent: "success", text: "Applied to the working design. Save it as a scenario to compare it with the others." });
  };

  const reset = () => {
    setDraft(draftOf(definition));
    setErrors({});
    setMessage(null);
  };

  return (
    <section className={styles.section} aria-labelledby="scenario-variant-heading">
      <Subtitle2 as="h2" id="scenario-variant-heading" className={styles.heading}>
        Make a variant
      </Subtitle2>
      <Body1 as="p" className={styles.muted}>
        Change thresholds or service levels, apply them to the working design, then save it as another scenario.
      </Body1>
      {classifications.length === 0 && (
        <Caption1 className={styles.muted}>
          {definition.method.type === "matrix"
            ? "This matrix has no ABC or XYZ cutoffs to change here; change its classifications in the Design view."
            : `A ${definition.method.type} design has no cutoffs to change here; change it in the Design view. Service levels can be changed below.`}
        </Caption1>
      )}
      {classifications.map((c) => (
        <fieldset key={c.index} className={styles.fieldset}>
          <legend className={styles.legend}>
            {c.kind === "abc" ? `ABC on ${c.dimension}: cumulative share, %` : `XYZ on ${c.dimension}: coefficient of variation`}
          </legend>
          <div className={styles.grid}>
            {c.cutoffs.map((_, k) => {
              const field = cutoffField(c.index, k);
              const label = `${c.labels[k]} up to`;
              return (
                <Field key={field} label={label} validationMessage={errors[field]} validationState={errors[field] ? "error" : "none"}>
                  <Input
                    className={styles.input}
                    input={{ className: styles.inputText }}
                    value={draft.cutoffs[c.index]?.[k] ?? ""}
                    onChange={(_, data) => setCutoff(c.index, k, data.value)}
                    inputMode="decimal"
                    contentAfter={c.kind === "abc" ? "%" : undefined}
                    aria-label={c.kind === "abc" ? `${label}, cumulative share of ${c.dimension} in percent` : `${label}, coefficient of variation`}
                    disabled={busy}
                  />
                </Field>
              );
            })}
          </div>
        </fieldset>
      ))}
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>Service level by segment, %</legend>
        <div className={styles.grid}>
          {definition.segments.map((segment) => {
            const field = serviceLevelField(segment.id);
            const kind = segment.policy.serviceType === "fill" ? "fill rate" : "cycle service level";
            return (
              <Field
                key={segment.id}
                label={segment.id}
                hint={`${segment.name} · ${kind}`}
                validationMessage={errors[field]}
                validationState={errors[field] ? "error" : "none"}
              >
                <Input
                  className={styles.input}
                  input={{ className: styles.inputText }}
                  value={draft.serviceLevels[segment.id] ?? ""}
                  onChange={(_, data) => setLevel(segment.id, data.value)}
                  inputMode="decimal"
                  contentAfter="%"
                  aria-label={`Service level of ${segment.id} (${segment.name}), ${kind} in percent`}
                  disabled={busy}
                />
              </Field>
            );
          })}
        </div>
      </fieldset>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={apply} disabled={busy}>
          Apply changes
        </Button>
        <Button onClick={reset} disabled={busy}>
          Reset
        </Button>
      </div>
      {message && (
        <MessageBar intent={message.intent}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}

/**
 * One segment's policy as a form: a dropdown for each of the schema's choices, a number box with its
 * unit for numbers (service level in percent), a combobox with suggestions for free text. Fields
 * flow into as many columns as the pane is wide (one at 320 px). What the planner types stays in the
 * field, valid or not; a field the schema refuses says why beneath it.
 */
import * as React from "react";
import { Combobox, Dropdown, Field, Input, makeStyles, Option, tokens } from "@fluentui/react-components";
import type { Segment, SegmentDefinition } from "../../../engine/definition/schema";
import type { SegmentPolicy } from "../../../engine/definition/policySchema";
import { draftPolicy, fieldErrorKey } from "./policyEdit";
import { POLICY_FIELDS, type PolicyField, type PolicyFieldKey, suggestionsFor, textOfValue } from "./policyFields";

const useStyles = makeStyles({
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(132px, 1fr))",
    gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    alignItems: "start",
  },
  wide: { gridColumn: "1 / -1" },
  control: { minWidth: 0, width: "100%" },
});

export interface SegmentPolicyEditorProps {
  index: number;
  segment: Segment;
  definition: SegmentDefinition;
  drafts: Readonly<Partial<Record<PolicyFieldKey, string>>> | undefined;
  errors: ReadonlyMap<string, string>;
  onEdit(segment: number, field: PolicyFieldKey, text: string): void;
}

export function SegmentPolicyEditor({ index, segment, definition, drafts, errors, onEdit }: SegmentPolicyEditorProps) {
  const styles = useStyles();
  const period = definition.history.period;
  // Visibility and hints follow what the planner has chosen, even before it is valid.
  const shown = draftPolicy(segment.policy, drafts) as SegmentPolicy;
  return (
    <div className={styles.grid} role="group" aria-label={`Policy of ${segment.id} ${segment.name}`}>
      {POLICY_FIELDS.filter((field) => !field.visible || field.visible(shown)).map((field) => {
        const text = drafts?.[field.key] ?? textOfValue(field, segment.policy[field.key as keyof SegmentPolicy]);
        const error = errors.get(fieldErrorKey(index, field.key));
        return (
          <Field
            key={field.key}
            className={field.kind === "suggest" || field.kind === "choice" ? styles.wide : undefined}
            label={fieldLabel(field, period)}
            hint={field.hint?.(shown, period)}
            validationState={error ? "error" : "none"}
            validationMessage={error}
          >
            <FieldControl field={field} text={text} definition={definition} onChange={(next) => onEdit(index, field.key, next)} />
          </Field>
        );
      })}
    </div>
  );
}

/** The label with its unit, "Service level (%)": the unit is part of what a screen reader announces. */
export function fieldLabel(field: PolicyField, period: string): string {
  const unit = field.unit?.(period);
  return unit ? `${field.label} (${unit})` : field.label;
}

function FieldControl({
  field,
  text,
  definition,
  onChange,
}: {
  field: PolicyField;
  text: string;
  definition: SegmentDefinition;
  onChange(text: string): void;
}) {
  const styles = useStyles();
  if (field.kind === "choice") {
    const choices = field.choices ?? [];
    const selected = choices.find((choice) => choice.value === text);
    return (
      <Dropdown
        className={styles.control}
        value={selected?.label ?? text}
        selectedOptions={[text]}
        onOptionSelect={(_, data) => data.optionValue && onChange(data.optionValue)}
      >
        {choices.map((choice) => (
          <Option key={choice.value} value={choice.value}>
            {choice.label}
          </Option>
        ))}
      </Dropdown>
    );
  }
  if (field.kind === "suggest") {
    return (
      <Combobox
        className={styles.control}
        freeform
        value={text}
        selectedOptions={[text]}
        onChange={(event) => onChange(event.target.value)}
        onOptionSelect={(_, data) => data.optionText !== undefined && onChange(data.optionText)}
      >
        {suggestionsFor(field.key, definition).map((suggestion) => (
          <Option key={suggestion}>{suggestion}</Option>
        ))}
      </Combobox>
    );
  }
  return (
    <Input
      className={styles.control}
      value={text}
      inputMode="decimal"
      autoComplete="off"
      onChange={(_, data) => onChange(data.value)}
    />
  );
}

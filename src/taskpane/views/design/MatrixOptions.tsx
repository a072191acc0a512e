/**
 * The options of the matrix methods: ABC (the measure ranked and where A and B end), XYZ (where X and
 * Y end on the coefficient of variation) and the demand patterns (the Syntetos–Boylan cutoffs, and
 * whether to split each pattern by ABC class). Each number is typed as the planner writes it and
 * checked at the field.
 */
import * as React from "react";
import { Checkbox, Dropdown, Field, Input, makeStyles, Option, tokens } from "@fluentui/react-components";
import type { AbcMeasure, DesignChoices } from "./designStore";
import type { FieldErrors } from "./designRequest";

const useStyles = makeStyles({
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(130px, 1fr))",
    alignItems: "start",
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
  },
  wide: { gridColumn: "1 / -1" },
  input: { minWidth: 0, width: "100%" },
});

export const ABC_MEASURES: { value: AbcMeasure; label: string }[] = [
  { value: "revenue", label: "Revenue" },
  { value: "quantity", label: "Quantity" },
  { value: "orderLines", label: "Order lines" },
];

export interface OptionProps {
  choices: DesignChoices;
  errors: FieldErrors;
  onChange(change: (choices: DesignChoices) => DesignChoices): void;
}

export function NumberField(props: { label: string; hint?: string; value: string; error?: string; onChange(value: string): void; contentAfter?: string }) {
  const styles = useStyles();
  return (
    <Field label={props.label} hint={props.hint} validationState={props.error ? "error" : "none"} validationMessage={props.error}>
      <Input
        className={styles.input}
        inputMode="decimal"
        value={props.value}
        contentAfter={props.contentAfter}
        onChange={(_, data) => props.onChange(data.value)}
      />
    </Field>
  );
}

export function AbcFields({ choices, errors, onChange }: OptionProps) {
  const styles = useStyles();
  const measure = ABC_MEASURES.find((entry) => entry.value === choices.abc.measure) ?? ABC_MEASURES[0];
  const set = (part: Partial<DesignChoices["abc"]>) => onChange((current) => ({ ...current, abc: { ...current.abc, ...part } }));
  return (
    <div className={styles.grid}>
      <Field label="Rank ABC on" className={styles.wide}>
        <Dropdown
          className={styles.input}
          value={measure.label}
          selectedOptions={[measure.value]}
          onOptionSelect={(_, data) => data.optionValue && set({ measure: data.optionValue as AbcMeasure })}
        >
          {ABC_MEASURES.map((entry) => (
            <Option key={entry.value} value={entry.value}>
              {entry.label}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <NumberField
        label="A items: first"
        hint={`% of ${measure.label.toLowerCase()}`}
        contentAfter="%"
        value={choices.abc.a}
        error={errors["abc.a"]}
        onChange={(a) => set({ a })}
      />
      <NumberField
        label="B items: up to"
        hint={`cumulative % of ${measure.label.toLowerCase()}`}
        contentAfter="%"
        value={choices.abc.b}
        error={errors["abc.b"]}
        onChange={(b) => set({ b })}
      />
    </div>
  );
}

export function XyzFields({ choices, errors, onChange }: OptionProps) {
  const styles = useStyles();
  const set = (part: Partial<DesignChoices["xyz"]>) => onChange((current) => ({ ...current, xyz: { ...current.xyz, ...part } }));
  return (
    <div className={styles.grid}>
      <NumberField label="X items: CV up to" hint={`of ${choices.period}ly demand`} value={choices.xyz.x} error={errors["xyz.x"]} onChange={(x) => set({ x })} />
      <NumberField label="Y items: CV up to" hint="above it: Z" value={choices.xyz.y} error={errors["xyz.y"]} onChange={(y) => set({ y })} />
    </div>
  );
}

export function PatternFields(props: OptionProps) {
  const { choices, errors, onChange } = props;
  const styles = useStyles();
  const set = (part: Partial<DesignChoices["patterns"]>) => onChange((current) => ({ ...current, patterns: { ...current.patterns, ...part } }));
  return (
    <>
      <div className={styles.grid}>
        <NumberField
          label="ADI cutoff"
          hint={`average ${choices.period}s between demands; at or above: intermittent`}
          value={choices.patterns.adi}
          error={errors["patterns.adi"]}
          onChange={(adi) => set({ adi })}
        />
        <NumberField
          label="CV² cutoff"
          hint="of the demand sizes; at or above: irregular sizes"
          value={choices.patterns.cv2}
          error={errors["patterns.cv2"]}
          onChange={(cv2) => set({ cv2 })}
        />
      </div>
      <Checkbox
        label="Split each pattern by ABC class (12 segments)"
        checked={choices.patterns.withAbc}
        onChange={(_, data) => set({ withAbc: data.checked === true })}
      />
      {choices.patterns.withAbc && <AbcFields {...props} />}
    </>
  );
}

/**
 * The rules method's editor: ordered rules, each a segment name and conditions on item features that
 * must all hold; the first rule that holds places an item, and items no rule takes go to a named
 * segment. Rules can be added, removed and moved; every control is a labelled button, field or list.
 */
import * as React from "react";
import { Button, Caption1, Dropdown, Field, Input, makeStyles, Option, Subtitle2, tokens } from "@fluentui/react-components";
import { AddRegular, ArrowDownRegular, ArrowUpRegular, DeleteRegular } from "@fluentui/react-icons";
import { RULE_OPERATORS, type RuleOperator } from "../../../engine/definition/designRules";
import { featureLabel } from "../../../engine/definition/itemFeatures";
import type { ConditionDraft, DesignChoices, RuleDraft } from "./designStore";
import { newKey } from "./designStore";
import type { OptionProps } from "./MatrixOptions";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, margin: 0, padding: 0, listStyle: "none" },
  rule: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  head: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS, flexWrap: "wrap" },
  title: { margin: 0, flexGrow: 1 },
  condition: { display: "grid", gridTemplateColumns: "minmax(0, 1.6fr) minmax(0, 0.8fr) minmax(0, 1fr) auto", gap: tokens.spacingHorizontalXS, alignItems: "start" },
  control: { minWidth: 0, width: "100%" },
  error: { color: tokens.colorPaletteRedForeground1 },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

export const OPERATOR_LABELS: Record<RuleOperator, string> = { "<": "<", "<=": "≤", ">": ">", ">=": "≥" };

export interface RulesEditorProps extends OptionProps {
  /** Features a condition may test. */
  fields: readonly string[];
}

export function RulesEditor({ choices, errors, onChange, fields }: RulesEditorProps) {
  const styles = useStyles();
  const rules = choices.rules.rules;
  const setRules = (change: (rules: RuleDraft[]) => RuleDraft[]) =>
    onChange((current: DesignChoices) => ({ ...current, rules: { ...current.rules, prefilled: true, rules: change(current.rules.rules) } }));
  const setRule = (key: number, change: (rule: RuleDraft) => RuleDraft) => setRules((list) => list.map((rule) => (rule.key === key ? change(rule) : rule)));
  const setCondition = (ruleKey: number, conditionKey: number, part: Partial<ConditionDraft>) =>
    setRule(ruleKey, (rule) => ({ ...rule, conditions: rule.conditions.map((c) => (c.key === conditionKey ? { ...c, ...part } : c)) }));
  const move = (index: number, by: number) =>
    setRules((list) => {
      const next = list.slice();
      const [rule] = next.splice(index, 1);
      next.splice(index + by, 0, rule);
      return next;
    });
  const blankCondition = (): ConditionDraft => ({ key: newKey(), field: fields[0] ?? "revenue", op: ">=", value: "" });

  return (
    <>
      <ol className={styles.list} aria-label="Rules, first match wins">
        {rules.map((rule, index) => (
          <li key={rule.key} className={styles.rule} aria-label={`Rule ${index + 1}`}>
            <div className={styles.head}>
              <Subtitle2 as="h4" className={styles.title}>
                Rule {index + 1}
              </Subtitle2>
              <Button size="small" appearance="subtle" icon={<ArrowUpRegular />} aria-label={`Move rule ${index + 1} up`} disabled={index === 0} onClick={() => move(index, -1)} />
              <Button
                size="small"
                appearance="subtle"
                icon={<ArrowDownRegular />}
                aria-label={`Move rule ${index + 1} down`}
                disabled={index === rules.length - 1}
                onClick={() => move(index, 1)}
              />
              <Button size="small" appearance="subtle" icon={<DeleteRegular />} aria-label={`Remove rule ${index + 1}`} onClick={() => setRules((list) => list.filter((r) => r.key !== rule.key))} />
            </div>
            <Field label="Segment" validationState={errors[`rule.${rule.key}.segment`] ? "error" : "none"} validationMessage={errors[`rule.${rule.key}.segment`]}>
              <Input className={styles.control} value={rule.segment} onChange={(_, data) => setRule(rule.key, (r) => ({ ...r, segment: data.value }))} />
            </Field>
            <Caption1>When all of these hold:</Caption1>
            {rule.conditions.map((condition, c) => {
              const error = errors[`condition.${condition.key}`];
              const name = `rule ${index + 1}, condition ${c + 1}`;
              return (
                <div key={condition.key} className={styles.condition}>
                  <Dropdown
                    className={styles.control}
                    aria-label={`Feature of ${name}`}
                    value={featureLabel(condition.field)}
                    selectedOptions={[condition.field]}
                    onOptionSelect={(_, data) => data.optionValue && setCondition(rule.key, condition.key, { field: data.optionValue })}
                  >
                    {fields.map((field) => (
                      <Option key={field} value={field}>
                        {featureLabel(field)}
                      </Option>
                    ))}
                  </Dropdown>
                  <Dropdown
                    className={styles.control}
                    aria-label={`Comparison of ${name}`}
                    value={OPERATOR_LABELS[condition.op]}
                    selectedOptions={[condition.op]}
                    onOptionSelect={(_, data) => data.optionValue && setCondition(rule.key, condition.key, { op: data.optionValue as RuleOperator })}
                  >
                    {RULE_OPERATORS.map((op) => (
                      <Option key={op} value={op} text={OPERATOR_LABELS[op]}>
                        {OPERATOR_LABELS[op]}
                      </Option>
                    ))}
                  </Dropdown>
                  <Field validationState={error ? "error" : "none"} validationMessage={error}>
                    <Input
                      className={styles.control}
                      aria-label={`Value of ${name}`}
                      inputMode="decimal"
                      value={condition.value}
                      onChange={(_, data) => setCondition(rule.key, condition.key, { value: data.value })}
                    />
                  </Field>
                  <Button
                    appearance="subtle"
                    icon={<DeleteRegular />}
                    aria-label={`Remove ${name}`}
                    onClick={() => setRule(rule.key, (r) => ({ ...r, conditions: r.conditions.filter((other) => other.key !== condition.key) }))}
                  />
                </div>
              );
            })}
            {errors[`rule.${rule.key}.conditions`] && (
              <Caption1 className={styles.error} role="alert">
                {errors[`rule.${rule.key}.conditions`]}
              </Caption1>
            )}
            <div className={styles.actions}>
              <Button size="small" icon={<AddRegular />} onClick={() => setRule(rule.key, (r) => ({ ...r, conditions: [...r.conditions, blankCondition()] }))}>
                Add condition
              </Button>
            </div>
          </li>
        ))}
      </ol>
      {errors.rules && (
        <Caption1 className={styles.error} role="alert">
          {errors.rules}
        </Caption1>
      )}
      <div className={styles.actions}>
        <Button icon={<AddRegular />} onClick={() => setRules((list) => [...list, { key: newKey(), segment: "", conditions: [blankCondition()] }])}>
          Add rule
        </Button>
      </div>
      <Field label="Items no rule takes go to" validationState={errors.otherwise ? "error" : "none"} validationMessage={errors.otherwise}>
        <Input
          className={styles.control}
          value={choices.rules.otherwise}
          onChange={(_, data) => onChange((current) => ({ ...current, rules: { ...current.rules, otherwise: data.value } }))}
        />
      </Field>
    </>
  );
}

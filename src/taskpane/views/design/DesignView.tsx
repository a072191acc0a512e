/**
 * The Design view: on the items of the data chosen in the Data view, choose the method — ABC-XYZ
 * matrix, demand patterns, k-means clusters on chosen dimensions and weights, or rules — and its
 * options; see the proposed segments (for clusters with the figures over k, the profiles and a
 * scatter); use the design, which makes it the working definition the other views share; and name
 * its segments. Everything long runs in the engine worker with progress and Cancel; the choices and
 * results stay while the planner visits other views (designStore.ts).
 */
import * as React from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Body1,
  Button,
  Caption1,
  Dropdown,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Option,
  Radio,
  RadioGroup,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { formatCount } from "../../../engine/definition/format";
import type { Period, SegmentDefinition } from "../../../engine/definition/schema";
import { missingRolesMessage } from "../../analysis/sheetLines";
import { type ChosenData, useDataset } from "../../dataset";
import { useDesign } from "../../design";
import { useServices } from "../../services";
import type { DesignItems } from "../../worker/designJobs";
import { ClusterOptions } from "./ClusterOptions";
import {
  abcErrors,
  commonErrors,
  defaultDefinitionName,
  designRequest,
  type FieldErrors,
  itemsKey,
  kselectRequest,
  patternErrors,
  xyzErrors,
} from "./designRequest";
import { loadItems, runDesignJob } from "./designRunner";
import { type DesignChoices, type MethodId, resultsFor, updateChoices, updateResults, useDesignStore } from "./designStore";
import { JobStatus } from "./JobStatus";
import { AbcFields, NumberField, PatternFields, XyzFields } from "./MatrixOptions";
import { ProposalPanel } from "./ProposalPanel";
import { RulesEditor } from "./RulesEditor";
import { SegmentsPanel } from "./SegmentsPanel";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXL, minWidth: 0 },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0 },
  subheading: { margin: 0, marginTop: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground3, margin: 0 },
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(130px, 1fr))",
    alignItems: "start",
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
  },
  wide: { gridColumn: "1 / -1" },
  input: { minWidth: 0, width: "100%" },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  radioHint: { display: "block", color: tokens.colorNeutralForeground3 },
});

export const METHODS: { id: MethodId; label: string; hint: string }[] = [
  { id: "abcXyz", label: "ABC-XYZ matrix", hint: "value share × demand variability: nine segments" },
  { id: "patterns", label: "Demand patterns", hint: "smooth, erratic, intermittent, lumpy (Syntetos–Boylan)" },
  { id: "clusters", label: "Clusters", hint: "k-means on the dimensions and weights you choose" },
  { id: "rules", label: "Rules", hint: "your conditions, first match wins" },
];

const PERIODS: { value: Period; label: string }[] = [
  { value: "month", label: "Month" },
  { value: "week", label: "Week" },
  { value: "quarter", label: "Quarter" },
];

const DESIGN_JOBS = ["design.abcXyz", "design.patterns", "design.rules", "design.clusters"];

/** The same proposal: made at the same moment with the same method (names may have changed since). */
function sameDesign(a: SegmentDefinition | null, b: SegmentDefinition): boolean {
  return a !== null && a.id === b.id && a.provenance.createdAt === b.provenance.createdAt && JSON.stringify(a.method) === JSON.stringify(b.method);
}

/** The fields' problems for the current choices (with the items when there are some). */
function fieldErrors(choices: DesignChoices, chosen: ChosenData, items: DesignItems | null): FieldErrors {
  if (items) return designRequest(choices, chosen.data, items).errors;
  const errors = { ...commonErrors(choices) };
  if (choices.method === "abcXyz") Object.assign(errors, abcErrors(choices), xyzErrors(choices));
  if (choices.method === "patterns") Object.assign(errors, patternErrors(choices), choices.patterns.withAbc ? abcErrors(choices) : {});
  return errors;
}

export default function DesignView() {
  const { chosen } = useDataset();
  if (!chosen) {
    return (
      <MessageBar intent="info">
        <MessageBarBody>Choose the data to segment in the Data view first: the segments are designed on its items.</MessageBarBody>
      </MessageBar>
    );
  }
  const missing = missingRolesMessage(chosen.roles, "design segments");
  if (missing) {
    return (
      <MessageBar intent="warning">
        <MessageBarBody>{missing.replace(" in Columns ", " in the Data view's Columns ")}</MessageBarBody>
      </MessageBar>
    );
  }
  return <DesignOnData chosen={chosen} />;
}

function DesignOnData({ chosen }: { chosen: ChosenData }) {
  const styles = useStyles();
  const services = useServices();
  const { definition, setDefinition } = useDesign();
  const { choices, results } = useDesignStore();
  const key = itemsKey(choices);

  // New data: start its results afresh (the choices stay). Then aggregate its items when the period or cost ratio asks for it.
  React.useEffect(() => {
    resultsFor(chosen);
  }, [chosen]);
  const itemsRunning = results.running?.job === "design.items";
  const itemsFailed = results.failure?.job === "design.items" && results.failure.itemsKey === key;
  React.useEffect(() => {
    if (results.data !== chosen || key === null || results.items?.key === key || itemsRunning || itemsFailed) return;
    void loadItems(services, chosen, choices);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the items depend on the data, the period and the cost ratio only
  }, [chosen, results.data, key, itemsRunning, itemsFailed]);

  const items = results.data === chosen && results.items && results.items.key === key ? results.items.value : null;
  const errors = fieldErrors(choices, chosen, items);
  const [attempted, setAttempted] = React.useState(false);
  const designing = results.running !== null && DESIGN_JOBS.includes(results.running.job);
  const defaultName = defaultDefinitionName(chosen.data, choices.method);

  const design = async () => {
    setAttempted(true);
    if (!items) return;
    const { request } = designRequest(choices, chosen.data, items);
    if (!request) return;
    const method = choices.method;
    let proposal;
    switch (request.job) {
      case "design.abcXyz":
        proposal = await runDesignJob(services, request.job, "Designing the segments", request.input);
        break;
      case "design.patterns":
        proposal = await runDesignJob(services, request.job, "Designing the segments", request.input);
        break;
      case "design.rules":
        proposal = await runDesignJob(services, request.job, "Designing the segments", request.input);
        break;
      case "design.clusters":
        proposal = await runDesignJob(services, request.job, "Designing the segments", request.input);
        break;
    }
    if (proposal) updateResults((current) => ({ ...current, proposal: { method, value: proposal } }));
  };

  const compare = async () => {
    if (!items) return;
    const { input, key: compareKey } = kselectRequest(choices, items);
    if (!input) return;
    const output = await runDesignJob(services, "cluster.kselect", `Comparing k = ${input.kMin} to ${input.kMax}`, input);
    if (output) updateResults((current) => ({ ...current, kselect: { key: compareKey, value: output } }));
  };

  const setPeriod = (period: Period) => updateChoices((current) => ({ ...current, period }));
  const shownErrors = Object.keys(errors).length > 0;

  return (
    <div className={styles.root}>
      <section className={styles.section} aria-labelledby="design-items-heading">
        <Subtitle2 as="h2" id="design-items-heading" className={styles.heading}>
          Items
        </Subtitle2>
        <JobStatus results={results} jobs={["design.items"]} />
        {itemsFailed && (
          <div className={styles.actions}>
            <Button onClick={() => void loadItems(services, chosen, choices)}>Try again</Button>
          </div>
        )}
        {items && (
          <Caption1 as="p" className={styles.muted} aria-live="polite">
            {formatCount(items.ids.length)} items from {formatCount(items.rowCount)} rows · {items.periodCount} {items.period}s · readiness{" "}
            {items.readiness.passed ? "passed" : `failed: ${items.readiness.summary}`}
          </Caption1>
        )}
      </section>

      <section className={styles.section} aria-labelledby="design-method-heading">
        <Subtitle2 as="h2" id="design-method-heading" className={styles.heading}>
          Method
        </Subtitle2>
        <RadioGroup
          aria-labelledby="design-method-heading"
          value={choices.method}
          onChange={(_, data) => updateChoices((current) => ({ ...current, method: data.value as MethodId }))}
        >
          {METHODS.map((method) => (
            <Radio
              key={method.id}
              value={method.id}
              label={
                <>
                  {method.label}
                  <Caption1 className={styles.radioHint}>{method.hint}</Caption1>
                </>
              }
            />
          ))}
        </RadioGroup>
        <div className={styles.grid}>
          <Field label="Demand period" hint="for variability, patterns and history">
            <Dropdown
              className={styles.input}
              value={PERIODS.find((entry) => entry.value === choices.period)?.label}
              selectedOptions={[choices.period]}
              onOptionSelect={(_, data) => data.optionValue && setPeriod(data.optionValue as Period)}
            >
              {PERIODS.map((entry) => (
                <Option key={entry.value} value={entry.value}>
                  {entry.label}
                </Option>
              ))}
            </Dropdown>
          </Field>
        </div>
      </section>

      <section className={styles.section} aria-labelledby="design-options-heading">
        <Subtitle2 as="h2" id="design-options-heading" className={styles.heading}>
          {METHODS.find((method) => method.id === choices.method)?.label} options
        </Subtitle2>
        {choices.method === "abcXyz" && (
          <>
            <AbcFields choices={choices} errors={errors} onChange={updateChoices} />
            <XyzFields choices={choices} errors={errors} onChange={updateChoices} />
          </>
        )}
        {choices.method === "patterns" && <PatternFields choices={choices} errors={errors} onChange={updateChoices} />}
        {choices.method === "clusters" &&
          (items ? (
            <ClusterOptions choices={choices} errors={errors} onChange={updateChoices} items={items} results={results} onCompare={() => void compare()} />
          ) : (
            <Body1 as="p" className={styles.muted}>
              The dimensions to choose from appear once the items are added up.
            </Body1>
          ))}
        {choices.method === "rules" &&
          (items ? (
            <RulesEditor choices={choices} errors={errors} onChange={updateChoices} fields={Object.keys(items.features)} />
          ) : (
            <Body1 as="p" className={styles.muted}>
              The rules can be written once the items are added up.
            </Body1>
          ))}
        <Accordion collapsible>
          <AccordionItem value="details">
            <AccordionHeader>Definition details</AccordionHeader>
            <AccordionPanel>
              <div className={styles.grid}>
                <Field label="Definition name" className={styles.wide} hint={choices.name.trim() === "" ? `Empty: "${defaultName}"` : undefined}>
                  <Input
                    className={styles.input}
                    value={choices.name}
                    placeholder={defaultName}
                    onChange={(_, data) => updateChoices((current) => ({ ...current, name: data.value }))}
                  />
                </Field>
                <Field label="Author" className={styles.wide} validationState={errors.author ? "error" : "none"} validationMessage={errors.author}>
                  <Input className={styles.input} value={choices.author} onChange={(_, data) => updateChoices((current) => ({ ...current, author: data.value }))} />
                </Field>
                <NumberField
                  label="New products until"
                  hint={`${choices.period}s of history`}
                  value={choices.newItemPeriods}
                  error={errors.newItemPeriods}
                  onChange={(newItemPeriods) => updateChoices((current) => ({ ...current, newItemPeriods }))}
                />
                <NumberField
                  label="Lead time"
                  hint="days, for every segment's policy"
                  value={choices.leadTimeDays}
                  error={errors.leadTimeDays}
                  onChange={(leadTimeDays) => updateChoices((current) => ({ ...current, leadTimeDays }))}
                />
                <NumberField
                  label="Unit cost ÷ price"
                  hint={items?.unitCostMapped ? "the mapped cost is used where it is given" : "values inventory when no cost is mapped"}
                  value={choices.costRatio}
                  error={errors.costRatio}
                  onChange={(costRatio) => updateChoices((current) => ({ ...current, costRatio }))}
                />
              </div>
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
        {attempted && shownErrors && (
          <MessageBar intent="error">
            <MessageBarBody>Fix the fields marked in red first: {Object.values(errors)[0]}</MessageBarBody>
          </MessageBar>
        )}
        <div className={styles.actions}>
          <Button appearance="primary" onClick={() => void design()} disabled={!items || designing}>
            Design segments
          </Button>
        </div>
        <JobStatus results={results} jobs={DESIGN_JOBS} />
      </section>

      {results.proposal && (
        <ProposalPanel
          proposal={results.proposal.value}
          inUse={sameDesign(definition, results.proposal.value.definition)}
          onUse={() => results.proposal && setDefinition(results.proposal.value.definition)}
        />
      )}

      {definition && <SegmentsPanel />}
    </div>
  );
}

/**
 * The Policies view: each segment's policy (service level, safety stock, lead times, transport,
 * forecasting, MOQ, ...) as an editable form, the inventory investment and expected fill rate they
 * give — per segment and in total, beside the change since last applied — recomputed as the planner
 * types, and "Write to workbook" for the definition and its result tables.
 *
 * Edits go through the engine's definition schema (policyEdit.ts): a valid edit becomes the working
 * definition (the design state keeps the assignment, since only policies changed); an invalid one
 * keeps the planner's text in the field with the schema's message beneath it, and the figures stay
 * those of the last valid policies.
 */
import * as React from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Field,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { expectedFillRateOf } from "../../../engine/apply/segmentSummaryTable";
import { formatCount } from "../../../engine/definition/format";
import type { SegmentDefinition } from "../../../engine/definition/schema";
import type { SegmentMeasures } from "../../../engine/kpi/measure";
import type { PolicyColumns } from "../../../engine/policy/applyPolicies";
import type { LiveFigures } from "../../apply/policyFigures";
import { useDataset } from "../../dataset";
import { useDesign } from "../../design";
import { useServices } from "../../services";
import { ApplyToWorkbook } from "./ApplyToWorkbook";
import { formatAmount, formatFillRate } from "./figureFormat";
import { checkEdits, type PolicyDrafts } from "./policyEdit";
import type { PolicyFieldKey } from "./policyFields";
import { PolicyFigures } from "./PolicyFigures";
import { SegmentPolicyEditor } from "./SegmentPolicyEditor";
import { appliedMatches, usePolicyFigures } from "./usePolicyFigures";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, minWidth: 0 },
  heading: { margin: 0, overflowWrap: "anywhere" },
  intro: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  muted: { color: tokens.colorNeutralForeground3 },
  header: { display: "flex", flexDirection: "column", alignItems: "flex-start", minWidth: 0 },
  headerLine: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  panel: { paddingBottom: tokens.spacingVerticalM },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

/** Drafts the planner left behind when switching views, by the definition they were typed over. */
const draftMemory = new WeakMap<SegmentDefinition, PolicyDrafts>();

interface EditState {
  drafts: PolicyDrafts;
  fieldErrors: ReadonlyMap<string, string>;
  otherErrors: readonly string[];
}

function editStateFor(definition: SegmentDefinition | null): EditState {
  const drafts = (definition && draftMemory.get(definition)) || new Map();
  if (!definition || drafts.size === 0) return { drafts, fieldErrors: new Map(), otherErrors: [] };
  const check = checkEdits(definition, drafts);
  return check.ok ? { drafts, fieldErrors: new Map(), otherErrors: [] } : { drafts, fieldErrors: check.fieldErrors, otherErrors: check.otherErrors };
}

export interface PoliciesPanelProps {
  /** From this many items the figures are computed in the engine worker (tests lower it). */
  workerFromItems?: number;
  debounceMs?: number;
}

export default function PoliciesView() {
  return <PoliciesPanel />;
}

export function PoliciesPanel({ workerFromItems, debounceMs }: PoliciesPanelProps) {
  const styles = useStyles();
  const { definition, setDefinition, applied, applyStatus, reapply } = useDesign();
  const { chosen } = useDataset();
  const { engine } = useServices();
  const [edit, setEdit] = React.useState<EditState>(() => editStateFor(definition));
  const own = React.useRef<SegmentDefinition | null>(definition);
  const figures = usePolicyFigures(definition, applied, { engine, workerFromItems, debounceMs });
  const [written, setWritten] = React.useState<{ policy: PolicyColumns; measures: SegmentMeasures[] } | null>(null);

  // A definition from elsewhere (Design, Governance, a scenario) starts the form afresh.
  React.useEffect(() => {
    if (definition !== own.current) {
      own.current = definition;
      setEdit(editStateFor(definition));
    }
  }, [definition]);

  const onEdit = React.useCallback(
    (segment: number, field: PolicyFieldKey, text: string) => {
      if (!definition) return;
      const drafts = new Map(edit.drafts);
      drafts.set(segment, { ...drafts.get(segment), [field]: text });
      const check = checkEdits(definition, drafts);
      if (check.ok) {
        own.current = check.definition;
        draftMemory.set(check.definition, drafts);
        setEdit({ drafts, fieldErrors: new Map(), otherErrors: [] });
        setDefinition(check.definition);
      } else {
        draftMemory.set(definition, drafts);
        setEdit({ drafts, fieldErrors: check.fieldErrors, otherErrors: check.otherErrors });
      }
    },
    [definition, edit.drafts, setDefinition],
  );

  if (!definition) {
    return (
      <MessageBar intent="info">
        <MessageBarBody>No segments yet: design them in the Design view, then set each segment's policy here.</MessageBarBody>
      </MessageBar>
    );
  }

  const ready = appliedMatches(definition, applied);
  const live = figures.live && ready && figures.live.definition.segments.length === definition.segments.length ? figures.live : null;
  const baseline = ready ? (written && written.policy === applied.policy ? written.measures : applied.measures) : null;
  const errorCount = edit.fieldErrors.size + edit.otherErrors.length;
  const current = live !== null && live.definition === definition && !figures.pending;
  const blockedReason =
    errorCount > 0
      ? `Fix the ${errorCount === 1 ? "field" : `${errorCount} fields`} marked in red first: the figures and the workbook use the last valid policies.`
      : !current
        ? "Updating the figures for your last edit…"
        : null;

  const onWritten = (writtenFigures: LiveFigures) => {
    if (ready) setWritten({ policy: applied.policy, measures: writtenFigures.measures });
  };

  return (
    <div className={styles.root}>
      <div className={styles.intro}>
        <Subtitle2 as="h2" className={styles.heading}>
          Policies of “{definition.name}”
        </Subtitle2>
        <Caption1 className={styles.muted}>
          {definition.segments.length} segments
          {ready ? ` · ${formatCount(applied.aggregated.table.ids.length)} items` : ""} · demand per {definition.history.period}. The figures update as you
          type.
        </Caption1>
      </div>

      <ApplyStatusNotice ready={ready} hasData={chosen !== null} applyStatus={applyStatus} reapply={reapply} />
      {figures.error && (
        <MessageBar intent="error">
          <MessageBarBody>{figures.error}</MessageBarBody>
        </MessageBar>
      )}
      {live && baseline && <PolicyFigures segments={live.definition.segments} live={live} baseline={baseline} pending={!current && errorCount === 0} />}
      {edit.otherErrors.length > 0 && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>The definition is not valid</MessageBarTitle>
            {edit.otherErrors.join("; ")}
          </MessageBarBody>
        </MessageBar>
      )}

      <Accordion multiple collapsible defaultOpenItems={[definition.segments[0]?.id]} aria-label="Policies by segment">
        {definition.segments.map((segment, k) => {
          const errors = [...edit.fieldErrors.keys()].filter((key) => key.startsWith(`${k}:`)).length;
          const measures = live?.measures[k];
          return (
            <AccordionItem key={segment.id} value={segment.id}>
              <AccordionHeader expandIconPosition="end">
                <span className={styles.header}>
                  <span className={styles.headerLine}>
                    <span>
                      {segment.id} · {segment.name}
                    </span>
                    {errors > 0 && (
                      <Badge appearance="tint" color="danger" size="small">
                        {errors === 1 ? "1 field to fix" : `${errors} fields to fix`}
                      </Badge>
                    )}
                  </span>
                  {measures && (
                    <Caption1 className={styles.muted}>
                      {formatCount(measures.items)} items · inventory {formatAmount(measures.inventoryValue)} · fill rate{" "}
                      {formatFillRate(expectedFillRateOf(measures))}
                    </Caption1>
                  )}
                </span>
              </AccordionHeader>
              <AccordionPanel className={styles.panel}>
                <SegmentPolicyEditor
                  index={k}
                  segment={segment}
                  definition={definition}
                  drafts={edit.drafts.get(k)}
                  errors={edit.fieldErrors}
                  onEdit={onEdit}
                />
              </AccordionPanel>
            </AccordionItem>
          );
        })}
      </Accordion>

      {ready && <ApplyToWorkbook applied={applied} live={current ? live : null} blockedReason={blockedReason} onWritten={onWritten} />}
    </div>
  );
}

function ApplyStatusNotice({
  ready,
  hasData,
  applyStatus,
  reapply,
}: {
  ready: boolean;
  hasData: boolean;
  applyStatus: ReturnType<typeof useDesign>["applyStatus"];
  reapply(): Promise<unknown>;
}) {
  const styles = useStyles();
  if (applyStatus.kind === "running") {
    const { done, total, message } = applyStatus.progress;
    return (
      <div className={styles.actions}>
        <Field validationMessage={message ?? "Applying the definition to the data"} validationState="none" style={{ flexGrow: 1 }}>
          <ProgressBar value={total > 0 ? done / total : undefined} aria-label="Applying the definition to the data" />
        </Field>
        <Button onClick={applyStatus.cancel}>Cancel</Button>
      </div>
    );
  }
  if (applyStatus.kind === "failed") {
    return (
      <MessageBar intent={applyStatus.cancelled ? "info" : "error"}>
        <MessageBarBody>
          <MessageBarTitle>{applyStatus.cancelled ? "Applying was cancelled" : "Could not apply the definition"}</MessageBarTitle>
          {applyStatus.message} The policies can still be edited; the figures need the definition applied to the data.
        </MessageBarBody>
        <MessageBarActions>
          <Button size="small" onClick={() => void reapply()}>
            Apply again
          </Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
  if (ready) return null;
  return (
    <MessageBar intent="info">
      <MessageBarBody>
        {hasData
          ? "The definition has not been applied to the data yet; the inventory and fill rate appear once it is."
          : "Choose the data in the Data view to see the inventory and fill rate these policies give. The policies can be edited now."}
      </MessageBarBody>
    </MessageBar>
  );
}

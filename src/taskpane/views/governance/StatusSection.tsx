/**
 * Where the definition stands in the store (draft, waiting for approval, approved, rejected: who
 * and when), Submit for approval (through the outbox), and Approve / Reject for an approver who did
 * not write or submit the version.
 */
import * as React from "react";
import {
  Badge,
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import type { SegmentDefinition } from "../../../engine/definition";
import type { Principal } from "../../../sync/client";
import type { SubmittedForApproval } from "../../../sync/submitForApproval";
import { useStoreSession } from "../../store/StoreSession";
import { latestVersion, waitingVersion, type StoreRecord } from "../../store/storeRecord";
import { describeStoreError, isUnreachable, sentence } from "../../store/storeMessages";
import type { QueryState } from "../../store/useStoreQuery";
import { approveBlocker, personOf, rejectBlocker, STATUS_COLOR, STATUS_LABEL, submitBlocker, versionStory } from "./governanceText";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  line: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  muted: { color: tokens.colorNeutralForeground3 },
  block: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, paddingTop: tokens.spacingVerticalS },
  wrap: { overflowWrap: "anywhere" },
});

type Outcome = { intent: "success" | "warning" | "error" | "info"; text: string } | null;

export interface StatusSectionProps {
  id: string;
  record: QueryState<StoreRecord | null>;
  /** The record as last read (kept while it is read again). */
  current: StoreRecord | null | undefined;
  working: SegmentDefinition | null;
  principal: Principal | null;
}

function submittedText(answer: SubmittedForApproval): string {
  if (answer.unchanged) {
    return `The store already holds this definition as version ${answer.version} (${(STATUS_LABEL[answer.status] ?? answer.status).toLowerCase()}); nothing new was submitted.`;
  }
  return `Version ${answer.version} submitted for approval. An approver other than you must now approve it.`;
}

export function StatusSection({ id, record, current, working, principal }: StatusSectionProps) {
  const styles = useStyles();
  const session = useStoreSession();
  const [unit, setUnit] = React.useState("");
  const [unitError, setUnitError] = React.useState<string | null>(null);
  const [submitting, setSubmitting] = React.useState(false);
  const [submitOutcome, setSubmitOutcome] = React.useState<Outcome>(null);
  const [comment, setComment] = React.useState("");
  const [commentError, setCommentError] = React.useState<string | null>(null);
  const [deciding, setDeciding] = React.useState<"approve" | "reject" | null>(null);
  const [decisionOutcome, setDecisionOutcome] = React.useState<Outcome>(null);

  React.useEffect(() => {
    setSubmitOutcome(null);
    setDecisionOutcome(null);
    setCommentError(null);
  }, [id]);

  const url = session.url ?? "";
  const view = current?.view ?? null;
  const latest = view ? latestVersion(view) : null;
  const waiting = view ? waitingVersion(view) : null;
  const isWorking = working !== null && working.id === id;
  // Only a new definition needs one; while the store is away it is not known whether it is new.
  const needsUnit = isWorking && !current && !working?.scope.businessUnit;
  const ownUnits = principal ? principal.units.filter((u) => u !== "*") : [];
  const unitValue = unit || (ownUnits.length === 1 ? ownUnits[0] : "");

  const connectionBlocker =
    !session.client || session.connection.kind === "unset"
      ? "Connect to the store first: enter its address and your token above."
      : session.connection.kind === "refused"
        ? "Fix the connection above first: the store refused it."
        : session.connection.kind === "checking"
          ? "Testing the connection…"
          : null;
  const blocker = connectionBlocker ?? submitBlocker(principal, working !== null);

  const submit = async () => {
    if (!working || blocker) return;
    if (needsUnit && unitValue.trim() === "") {
      setUnitError(`Say which business unit ${id} belongs to${ownUnits.length > 0 ? ` (yours: ${ownUnits.join(", ")})` : ""}.`);
      return;
    }
    setUnitError(null);
    setSubmitting(true);
    setSubmitOutcome(null);
    try {
      const result = await session.send({
        kind: "submitForApproval",
        document: working,
        ...(needsUnit ? { businessUnit: unitValue.trim() } : {}),
        // What the user saw: the record's ETag, null when it was not in the store, absent when unknown.
        ...(record.kind === "done" ? { etag: record.data ? record.data.etag : null } : {}),
      });
      if (result.status === "sent") setSubmitOutcome({ intent: "success", text: submittedText(result.result as SubmittedForApproval) });
      else if (result.status === "queued") {
        setSubmitOutcome({ intent: "warning", text: "The store did not answer, so the submission waits in this browser (see Waiting to be sent); it is sent as soon as the store answers." });
      } else if (result.status === "rejected") {
        setSubmitOutcome({ intent: "error", text: `The store refused the submission: ${sentence(result.error.message)}` });
      }
    } catch (error) {
      setSubmitOutcome({ intent: "error", text: sentence((error as Error).message) });
    } finally {
      setSubmitting(false);
    }
  };

  const decide = async (action: "approve" | "reject") => {
    if (!waiting || !current || !session.client) return;
    const text = comment.trim();
    if (action === "reject" && text === "") {
      setCommentError(`Write why you reject version ${waiting.version}, so its author knows what to change.`);
      return;
    }
    setCommentError(null);
    setDeciding(action);
    setDecisionOutcome(null);
    try {
      if (action === "approve") await session.client.approve(id, waiting.version, current.etag, text || undefined);
      else await session.client.reject(id, waiting.version, current.etag, text);
      setComment("");
      setDecisionOutcome({
        intent: "success",
        text:
          action === "approve"
            ? `Version ${waiting.version} approved: it is now the version workbooks and other systems use.`
            : `Version ${waiting.version} rejected; its author sees your reason.`,
      });
    } catch (error) {
      // The comment stays in its box; the status is read again, since it may have moved on.
      setDecisionOutcome({ intent: "error", text: describeStoreError(error, url, `${action} version ${waiting.version}`) });
    } finally {
      setDeciding(null);
      session.changed();
    }
  };

  const approveReason = waiting ? approveBlocker(principal, waiting) : null;
  const rejectReason = waiting ? rejectBlocker(principal, waiting) : null;
  const decisionHelp = approveReason ?? rejectReason;

  return (
    <section className={styles.section} aria-labelledby="store-status-heading">
      <Subtitle2 as="h2" id="store-status-heading" className={styles.heading}>
        Status in the store
      </Subtitle2>
      {record.kind === "idle" && <Caption1 className={styles.muted}>Connect to the store to see where {id} stands.</Caption1>}
      {record.kind === "loading" && current === undefined && <Spinner size="tiny" label={`Reading ${id} from the store…`} />}
      {record.kind === "failed" && (
        <MessageBar intent={isUnreachable(record.error) ? "warning" : "error"}>
          <MessageBarBody>
            {isUnreachable(record.error) ? `The store did not answer, so where ${id} stands is unknown for now.` : describeStoreError(record.error, url, `read ${id}`)}
          </MessageBarBody>
        </MessageBar>
      )}
      {current === null && (
        <Body1>
          {id} is not in the store yet. Submitting it creates it as version 1 and asks an approver to approve it.
        </Body1>
      )}
      {view && latest && (
        <>
          <Body1 className={styles.wrap}>
            {view.name} ({view.id}) · business unit {view.businessUnit}
          </Body1>
          <div className={styles.line}>
            <Body1>Version {latest.version}</Body1>
            <Badge appearance="tint" color={STATUS_COLOR[latest.status] ?? "informative"}>
              {STATUS_LABEL[latest.status] ?? latest.status}
            </Badge>
          </div>
          <Caption1 className={styles.wrap}>{versionStory(latest)}</Caption1>
          {latest.status === "rejected" && latest.comment && <Caption1 className={styles.wrap}>Reason given: “{latest.comment}”</Caption1>}
          <Caption1 className={styles.muted}>
            {view.currentVersion !== null
              ? `Version ${view.currentVersion} is approved: it is the one workbooks and other systems use.`
              : "No version is approved yet."}
          </Caption1>
        </>
      )}

      {isWorking ? (
        <div className={styles.block}>
          {needsUnit && (
            <Field
              label="Business unit"
              required
              hint={ownUnits.length > 0 ? `The definition names none; yours: ${ownUnits.join(", ")}.` : "The definition names none; the store files every definition under one."}
              validationState={unitError ? "error" : "none"}
              validationMessage={unitError ?? undefined}
            >
              <Input value={unitValue} onChange={(_, data) => setUnit(data.value)} />
            </Field>
          )}
          <div className={styles.actions}>
            <Button appearance="primary" onClick={() => void submit()} disabledFocusable={blocker !== null || submitting} aria-describedby={blocker ? "submit-blocker" : undefined}>
              Submit for approval
            </Button>
            {submitting && <Spinner size="tiny" label="Submitting…" />}
          </div>
          {blocker && (
            <Caption1 id="submit-blocker" className={styles.muted}>
              {blocker}
            </Caption1>
          )}
          {submitOutcome && (
            <MessageBar intent={submitOutcome.intent}>
              <MessageBarBody>{submitOutcome.text}</MessageBarBody>
            </MessageBar>
          )}
        </div>
      ) : (
        working && (
          <Caption1 className={styles.muted}>
            The definition you are working on is {working.id}; choose it above to submit it.
          </Caption1>
        )
      )}

      {waiting && (
        <div className={styles.block} role="group" aria-labelledby="approval-heading">
          <Body1 id="approval-heading">
            Version {waiting.version} waits for approval (submitted by {personOf(waiting.submittedBy)}).
          </Body1>
          <Field
            label="Comment"
            hint="Optional when approving; a rejection needs the reason."
            validationState={commentError ? "error" : "none"}
            validationMessage={commentError ?? undefined}
          >
            <Textarea value={comment} onChange={(_, data) => setComment(data.value)} resize="vertical" disabled={principal?.role !== "approver"} />
          </Field>
          <div className={styles.actions}>
            <Button
              appearance="primary"
              onClick={() => void decide("approve")}
              disabledFocusable={approveReason !== null || deciding !== null}
              aria-describedby={decisionHelp ? "decision-blocker" : undefined}
            >
              Approve
            </Button>
            <Button onClick={() => void decide("reject")} disabledFocusable={rejectReason !== null || deciding !== null} aria-describedby={decisionHelp ? "decision-blocker" : undefined}>
              Reject
            </Button>
            {deciding && <Spinner size="tiny" label={deciding === "approve" ? "Approving…" : "Rejecting…"} />}
          </div>
          {decisionHelp && (
            <Caption1 id="decision-blocker" className={styles.muted}>
              {decisionHelp}
            </Caption1>
          )}
        </div>
      )}
      {decisionOutcome && (
        <MessageBar intent={decisionOutcome.intent}>
          <MessageBarBody>{decisionOutcome.text}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}

/** What waits to be sent to the store, with "Send now", and what the store refused, with its reason and Dismiss. */
import * as React from "react";
import { Body1, Button, Caption1, makeStyles, MessageBar, MessageBarBody, Spinner, Subtitle2, tokens } from "@fluentui/react-components";
import { attemptsText, describeOperation, waitingSummary } from "../../store/outboxText";
import { sentence } from "../../store/storeMessages";
import { useStoreSession } from "../../store/StoreSession";
import { formatWhen } from "./governanceText";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  list: { margin: 0, paddingLeft: 0, listStyleType: "none", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    overflowWrap: "anywhere",
  },
  muted: { color: tokens.colorNeutralForeground3 },
  wrap: { overflowWrap: "anywhere" },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
});

export function OutboxSection() {
  const styles = useStyles();
  const session = useStoreSession();
  const { pending, rejected, sending } = session;
  if (pending.length === 0 && rejected.length === 0) return null;
  return (
    <section className={styles.section} aria-labelledby="store-outbox-heading">
      <Subtitle2 as="h2" id="store-outbox-heading" className={styles.heading}>
        Waiting to be sent
      </Subtitle2>
      {pending.length > 0 && (
        <>
          <MessageBar intent="warning">
            <MessageBarBody className={styles.wrap}>
              {waitingSummary(pending.length)}. {pending.length === 1 ? "It is" : "They are"} kept in this browser and sent, in order, as soon as the store at {session.url} answers.
            </MessageBarBody>
          </MessageBar>
          <ul className={styles.list} aria-label="Changes waiting to be sent">
            {pending.map((entry) => (
              <li key={entry.key} className={styles.item}>
                <Body1>{describeOperation(entry.operation)}</Body1>
                <Caption1 className={styles.muted}>
                  Made {formatWhen(entry.enqueuedAt)} · {attemptsText(entry)}
                  {entry.lastError ? ` · last try: ${entry.lastError}` : ""}
                </Caption1>
              </li>
            ))}
          </ul>
          <div className={styles.actions}>
            <Button appearance="primary" onClick={() => void session.sendNow()} disabled={sending || !session.url}>
              Send now
            </Button>
            {sending && <Spinner size="tiny" label="Sending…" />}
          </div>
        </>
      )}
      {rejected.length > 0 && (
        <ul className={styles.list} aria-label="Changes the store refused">
          {rejected.map((entry) => {
            const what = describeOperation(entry.operation);
            return (
              <li key={entry.key} className={styles.item}>
                <Body1>{what}</Body1>
                <MessageBar intent="error">
                  <MessageBarBody className={styles.wrap}>
                    The store refused it ({entry.status}): {sentence(entry.message)}
                  </MessageBarBody>
                </MessageBar>
                <Caption1 className={styles.muted}>
                  Made {formatWhen(entry.enqueuedAt)}.
                  {entry.operation.kind === "submitForApproval" ? " Your definition is still in the pane: check its status below, deal with the reason, and submit again." : ""}
                </Caption1>
                <div className={styles.actions}>
                  <Button size="small" onClick={() => void session.dismiss(entry.key)} aria-label={`Dismiss: ${what}`}>
                    Dismiss
                  </Button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

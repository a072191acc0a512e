/** The store's audit trail of the definition, oldest first, a page at a time. */
import * as React from "react";
import { Body1, Button, Caption1, makeStyles, MessageBar, MessageBarBody, Spinner, Subtitle2, tokens } from "@fluentui/react-components";
import type { AuditEvent, Principal } from "../../../sync/client";
import { useStoreSession } from "../../store/StoreSession";
import { describeStoreError } from "../../store/storeMessages";
import { auditBlocker, auditSentence, formatWhen, personOf } from "./governanceText";

export const AUDIT_PAGE = 25;

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  list: { margin: 0, paddingLeft: 0, listStyleType: "none", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  item: { display: "flex", flexDirection: "column", overflowWrap: "anywhere", borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}`, paddingLeft: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center" },
});

type Trail = { events: AuditEvent[]; nextAfter: number | null };

export function AuditSection({ id, principal, exists }: { id: string; principal: Principal | null; exists: boolean }) {
  const styles = useStyles();
  const session = useStoreSession();
  const [trail, setTrail] = React.useState<Trail | null>(null);
  const [loading, setLoading] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);
  const blocker = auditBlocker(principal);
  const client = session.client;
  const ticket = React.useRef(0);

  const load = React.useCallback(
    async (after: number | null, previous: AuditEvent[]) => {
      if (!client) return;
      const mine = ++ticket.current;
      setLoading(true);
      setError(null);
      try {
        const page = await client.audit({ target: `definition/${id}/`, limit: AUDIT_PAGE, ...(after !== null ? { after } : {}) });
        if (ticket.current === mine) setTrail({ events: [...previous, ...page.events], nextAfter: page.nextAfter });
      } catch (failure) {
        if (ticket.current === mine) setError(describeStoreError(failure, session.url ?? "", "read the audit trail"));
      } finally {
        if (ticket.current === mine) setLoading(false);
      }
    },
    [client, id, session.url],
  );

  React.useEffect(() => {
    setTrail(null);
    if (!blocker && exists) void load(null, []);
    return () => {
      ticket.current++;
    };
  }, [blocker, exists, load, session.storeRevision]);

  return (
    <section className={styles.section} aria-labelledby="store-audit-heading">
      <Subtitle2 as="h2" id="store-audit-heading" className={styles.heading}>
        Audit trail
      </Subtitle2>
      {blocker ? (
        <Caption1 className={styles.muted}>{blocker}</Caption1>
      ) : !exists ? (
        <Caption1 className={styles.muted}>Nothing recorded: {id} is not in the store yet.</Caption1>
      ) : (
        <>
          {error && (
            <MessageBar intent="error">
              <MessageBarBody>{error}</MessageBarBody>
            </MessageBar>
          )}
          {trail && trail.events.length === 0 && <Caption1 className={styles.muted}>No events recorded for {id} in your business units.</Caption1>}
          {trail && trail.events.length > 0 && (
            <ol className={styles.list} aria-label={`Audit trail of ${id}`}>
              {trail.events.map((event) => (
                <li key={event.sequence} className={styles.item}>
                  <Body1>
                    {personOf(event.actor)} {auditSentence(event, id)}
                  </Body1>
                  <Caption1 className={styles.muted}>
                    {formatWhen(event.time)} · event {event.sequence}
                  </Caption1>
                </li>
              ))}
            </ol>
          )}
          <div className={styles.actions}>
            {trail?.nextAfter != null && (
              <Button onClick={() => void load(trail.nextAfter, trail.events)} disabled={loading}>
                Show more
              </Button>
            )}
            {loading && <Spinner size="tiny" label="Reading the audit trail…" />}
          </div>
        </>
      )}
    </section>
  );
}

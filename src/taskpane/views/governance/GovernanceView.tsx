/**
 * The Governance view: connect to the shared store, submit the working definition for approval,
 * see where it stands, approve or reject it (an approver who did not write it), its version history
 * with what changed, the audit trail, and whether this workbook's copy is the approved version.
 *
 * Submissions go through the offline outbox (src/sync/outbox.ts): when the store is away they wait
 * in this browser, the view says what is waiting, and they are sent when it answers.
 */
import * as React from "react";
import { Caption1, Dropdown, Field, makeStyles, Option, tokens } from "@fluentui/react-components";
import type { StoreClientOptions } from "../../../sync/client";
import { useDesign } from "../../design";
import type { ConnectionSettings } from "../../store/connectionSettings";
import { StoreSessionProvider, useHasStoreSession, useStoreSession } from "../../store/StoreSession";
import { readStoreRecord, type StoreRecord } from "../../store/storeRecord";
import { answerOf, useStoreQuery } from "../../store/useStoreQuery";
import { AuditSection } from "./AuditSection";
import { ConnectionSection } from "./ConnectionSection";
import { HistorySection } from "./HistorySection";
import { OutboxSection } from "./OutboxSection";
import { StatusSection } from "./StatusSection";
import { WorkbookCopySection } from "./WorkbookCopySection";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXL, minWidth: 0 },
  dropdown: { minWidth: 0, width: "100%" },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface GovernanceViewProps {
  /** Where the address and token are kept (tests pass their own storage). */
  settings?: ConnectionSettings;
  clientOptions?: Partial<StoreClientOptions>;
  retryIntervalMs?: number;
}

export default function GovernanceView({ settings, clientOptions, retryIntervalMs }: GovernanceViewProps = {}) {
  // The shell's session keeps sending what waits while other views are open; tests pass their own.
  const shared = useHasStoreSession();
  if (shared && settings === undefined && clientOptions === undefined && retryIntervalMs === undefined) return <Governance />;
  return (
    <StoreSessionProvider settings={settings} clientOptions={clientOptions} retryIntervalMs={retryIntervalMs}>
      <Governance />
    </StoreSessionProvider>
  );
}

function Governance() {
  const styles = useStyles();
  const session = useStoreSession();
  const { definition: working } = useDesign();
  const principal = session.connection.kind === "connected" ? session.connection.principal : null;
  const [chosenId, setChosenId] = React.useState<string | null>(null);
  const id = chosenId ?? working?.id ?? null;
  const { client, storeRevision } = session;
  const reachable = session.connection.kind === "connected";

  const list = useStoreQuery(client && reachable ? () => client.listDefinitions() : null, [client, reachable, storeRevision]);
  const canRead = client !== null && id !== null && (session.connection.kind === "connected" || session.connection.kind === "unreachable");
  const record = useStoreQuery<StoreRecord | null>(canRead ? () => readStoreRecord(client!, id!) : null, [client, canRead, storeRevision], `${session.url}|${id}`);
  // The record as last read: undefined while unknown, null when the store has no such definition.
  const current: StoreRecord | null | undefined = answerOf(record.state)?.data;

  const choices = React.useMemo(() => {
    const entries = new Map<string, string>();
    if (working) entries.set(working.id, `${working.name} (${working.id}) · in this pane`);
    for (const definition of list.state.kind === "done" ? list.state.data : []) {
      if (!entries.has(definition.id)) entries.set(definition.id, `${definition.name} (${definition.id})`);
    }
    return [...entries];
  }, [working, list.state]);

  return (
    <div className={styles.root}>
      <ConnectionSection />
      <OutboxSection />
      {id === null && choices.length === 0 ? (
        <Caption1 className={styles.muted}>
          Design a definition first (Design view), or connect to the store to choose one of its definitions.
        </Caption1>
      ) : (
        <>
          {(choices.length > 1 || id === null) && (
            <Field label="Definition" hint="The one you are working on, or any definition of your business units in the store.">
              <Dropdown
                className={styles.dropdown}
                placeholder="Choose a definition"
                value={choices.find(([key]) => key === id)?.[1] ?? ""}
                selectedOptions={id ? [id] : []}
                onOptionSelect={(_, data) => data.optionValue && setChosenId(data.optionValue)}
              >
                {choices.map(([key, label]) => (
                  <Option key={key} value={key} text={label}>
                    {label}
                  </Option>
                ))}
              </Dropdown>
            </Field>
          )}
          {id !== null && (
            <>
              <StatusSection id={id} record={record.state} current={current} working={working} principal={principal} />
              <WorkbookCopySection id={id} current={current} />
              <HistorySection id={id} current={current} working={working} />
              {client && <AuditSection id={id} principal={principal} exists={current !== null && current !== undefined} />}
            </>
          )}
        </>
      )}
    </div>
  );
}

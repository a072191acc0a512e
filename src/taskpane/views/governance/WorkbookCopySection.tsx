/** Is this workbook's copy of the definition the store's approved version? With "Update the workbook's copy". */
import * as React from "react";
import { Button, Caption1, makeStyles, MessageBar, MessageBarBody, Spinner, Subtitle2, tokens } from "@fluentui/react-components";
import { useServices } from "../../services";
import { useStoreSession } from "../../store/StoreSession";
import type { StoreRecord } from "../../store/storeRecord";
import { describeStoreError, isUnreachable, sentence } from "../../store/storeMessages";
import { answerOf, useStoreQuery } from "../../store/useStoreQuery";
import { compareWorkbookCopy, findWorkbookCopy, workbookCopyMessage } from "../../store/workbookCopy";
import { ChangeList } from "./HistorySection";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
});

const SHOWN_CHANGES = 12;

export function WorkbookCopySection({ id, current }: { id: string; current: StoreRecord | null | undefined }) {
  const styles = useStyles();
  const { workbook } = useServices();
  const session = useStoreSession();
  const [saving, setSaving] = React.useState(false);
  const [saveError, setSaveError] = React.useState<string | null>(null);
  const [savedAs, setSavedAs] = React.useState<string | null>(null);

  const approvedVersion = current?.view.currentVersion ?? null;
  const client = session.client;
  const approved = useStoreQuery(
    client && approvedVersion !== null
      ? async () => {
          const answer = await client.current(id);
          return answer ? { version: answer.version.version, document: answer.version.document } : null;
        }
      : null,
    [client, approvedVersion, session.storeRevision],
    `${session.url}|${id}`,
  );
  const copy = useStoreQuery(workbook && current !== undefined ? () => findWorkbookCopy(workbook, id) : null, [workbook, current !== undefined], id);

  React.useEffect(() => {
    setSaveError(null);
    setSavedAs(null);
  }, [id]);

  if (current === undefined) return null; // the store's side is not known yet
  const heading = (
    <Subtitle2 as="h2" id="workbook-copy-heading" className={styles.heading}>
      This workbook's copy
    </Subtitle2>
  );
  if (!workbook) {
    return (
      <section className={styles.section} aria-labelledby="workbook-copy-heading">
        {heading}
        <Caption1 className={styles.muted}>Open the add-in in Excel to compare this workbook's copy with the store's approved version.</Caption1>
      </section>
    );
  }

  const approvedData = approvedVersion === null ? null : answerOf(approved.state)?.data;
  const copyData = answerOf(copy.state)?.data;
  const ready = approvedData !== undefined && copyData !== undefined;
  const status = ready ? compareWorkbookCopy(copyData, approvedData) : null;

  const update = async () => {
    if (!approvedData) return;
    setSaving(true);
    setSaveError(null);
    try {
      const stored = await workbook.saveDefinition(copyData?.name ?? id, JSON.stringify(approvedData.document));
      setSavedAs(stored.formulaName);
      copy.reload();
    } catch (error) {
      // The approved version is still in the store; nothing in the workbook was half-changed by the pane.
      setSaveError(sentence(error instanceof Error ? error.message : String(error)));
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className={styles.section} aria-labelledby="workbook-copy-heading">
      {heading}
      {(approved.state.kind === "loading" || copy.state.kind === "loading") && !ready && <Spinner size="tiny" label="Comparing with the store's approved version…" />}
      {approved.state.kind === "failed" && (
        <MessageBar intent={isUnreachable(approved.state.error) ? "warning" : "error"}>
          <MessageBarBody>{describeStoreError(approved.state.error, session.url ?? "", "read the store's approved version")}</MessageBarBody>
        </MessageBar>
      )}
      {copy.state.kind === "failed" && (
        <MessageBar intent="error">
          <MessageBarBody>{sentence(copy.state.error instanceof Error ? copy.state.error.message : String(copy.state.error))}</MessageBarBody>
        </MessageBar>
      )}
      {status && (
        <>
          <MessageBar intent={status.kind === "up-to-date" ? "success" : status.kind === "no-approved" ? "info" : "warning"} aria-live="polite">
            <MessageBarBody>{workbookCopyMessage(status)}</MessageBarBody>
          </MessageBar>
          {status.kind !== "up-to-date" && status.kind !== "no-approved" && (
            <>
              {"changes" in status && <ChangeList changes={status.changes} label="What updating the workbook's copy changes" limit={SHOWN_CHANGES} />}
              <div className={styles.actions}>
                <Button appearance="primary" onClick={() => void update()} disabled={saving}>
                  {status.kind === "no-copy" ? "Save the approved version in the workbook" : "Update the workbook's copy"}
                </Button>
                {saving && <Spinner size="tiny" label="Saving in the workbook…" />}
              </div>
            </>
          )}
          {status.kind === "up-to-date" && savedAs && <Caption1 className={styles.muted}>Formulas read it as {savedAs}.</Caption1>}
        </>
      )}
      {saveError && (
        <MessageBar intent="error">
          <MessageBarBody>{saveError}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}

/**
 * The working definition being applied to the data again (in the engine worker): a progress bar
 * with a Cancel button, or why the last run stopped.
 */
import * as React from "react";
import { Button, Field, MessageBar, MessageBarActions, MessageBarBody, ProgressBar, makeStyles, tokens } from "@fluentui/react-components";
import type { ApplyStatus } from "../../design";

const useStyles = makeStyles({
  row: { display: "flex", alignItems: "flex-end", gap: tokens.spacingHorizontalS },
  field: { flexGrow: 1, minWidth: 0 },
});

export function ApplyProgress({ status, onRetry }: { status: ApplyStatus; onRetry?: () => void }) {
  const styles = useStyles();
  if (status.kind === "running") {
    const { done, total, message } = status.progress;
    const share = total > 0 ? done / total : undefined;
    return (
      <div className={styles.row}>
        <Field
          className={styles.field}
          label="Applying the design to the data"
          hint={message ?? (share !== undefined ? `${Math.round(share * 100)}%` : "Starting…")}
          validationState="none"
        >
          <ProgressBar value={share} max={1} />
        </Field>
        <Button onClick={() => status.cancel()}>Cancel</Button>
      </div>
    );
  }
  if (status.kind === "failed") {
    return (
      <MessageBar intent={status.cancelled ? "info" : "error"}>
        <MessageBarBody>
          {status.cancelled
            ? "Applying the design was cancelled: the design is kept, but its segments are not computed until it is applied again."
            : `The design could not be applied to the data: ${status.message}`}
        </MessageBarBody>
        {onRetry && (
          <MessageBarActions>
            <Button onClick={onRetry}>Apply again</Button>
          </MessageBarActions>
        )}
      </MessageBar>
    );
  }
  return null;
}

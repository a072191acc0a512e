/** The engine job running for a part of the Design view — progress bar, step and Cancel — or why the last one stopped. */
import * as React from "react";
import { Button, Field, makeStyles, MessageBar, MessageBarBody, ProgressBar, tokens } from "@fluentui/react-components";
import type { DesignResults } from "./designStore";

const useStyles = makeStyles({
  row: { display: "flex", alignItems: "flex-end", gap: tokens.spacingHorizontalS },
  field: { flexGrow: 1, minWidth: 0 },
});

export function JobStatus({ results, jobs }: { results: DesignResults; jobs: readonly string[] }) {
  const styles = useStyles();
  const running = results.running && jobs.includes(results.running.job) ? results.running : null;
  const failure = results.failure && jobs.includes(results.failure.job) ? results.failure : null;
  if (running) {
    const share = running.total > 0 ? running.done / running.total : undefined;
    return (
      <div className={styles.row}>
        <Field className={styles.field} label={running.label} hint={running.message ?? "Starting…"} validationState="none">
          <ProgressBar value={share} max={1} />
        </Field>
        <Button onClick={() => running.cancel()}>Cancel</Button>
      </div>
    );
  }
  if (failure) {
    return (
      <MessageBar intent={failure.cancelled ? "info" : "error"}>
        <MessageBarBody>{failure.message}</MessageBarBody>
      </MessageBar>
    );
  }
  return null;
}

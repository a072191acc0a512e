/** Policies being priced in the engine worker (useRepriced): progress with Cancel, or why it stopped. */
import * as React from "react";
import { Button, Field, makeStyles, MessageBar, MessageBarActions, MessageBarBody, ProgressBar, tokens } from "@fluentui/react-components";
import type { RepricedState } from "./repriced";

const useStyles = makeStyles({
  row: { display: "flex", alignItems: "flex-end", gap: tokens.spacingHorizontalS },
  field: { flexGrow: 1, minWidth: 0 },
});

export function PricingStatus({ state }: { state: RepricedState }) {
  const styles = useStyles();
  if (state.error) {
    return (
      <MessageBar intent="error">
        <MessageBarBody>{state.error}</MessageBarBody>
        {state.retry && (
          <MessageBarActions>
            <Button onClick={state.retry}>Price again</Button>
          </MessageBarActions>
        )}
      </MessageBar>
    );
  }
  if (!state.progress) return null;
  const { done, total, message } = state.progress;
  return (
    <div className={styles.row}>
      <Field className={styles.field} label={message ?? "Pricing the policies"} validationState="none">
        <ProgressBar value={total > 0 ? done / total : undefined} max={1} />
      </Field>
      {state.cancel && <Button onClick={state.cancel}>Cancel</Button>}
    </div>
  );
}

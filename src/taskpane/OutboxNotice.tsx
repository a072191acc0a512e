/**
 * In the pane's header, whatever view is open: changes waiting for the shared store (the store was
 * unreachable) and changes it refused, one click from the Governance view that lists them.
 */
import * as React from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { useStoreSession } from "./store/StoreSession";

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  refused: { color: tokens.colorPaletteRedForeground1 },
});

const plural = (n: number, one: string, many: string) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

export function OutboxNotice({ onOpen }: { onOpen(): void }) {
  const styles = useStyles();
  const { pending, rejected, sending } = useStoreSession();
  if (pending.length === 0 && rejected.length === 0) return null;
  return (
    <div className={styles.row} role="status">
      {pending.length > 0 && (
        <Button size="small" appearance="subtle" onClick={onOpen}>
          {sending ? "Sending " : ""}
          {plural(pending.length, "change", "changes")} waiting for the store
        </Button>
      )}
      {rejected.length > 0 && (
        <Button size="small" appearance="subtle" className={styles.refused} onClick={onOpen}>
          {plural(rejected.length, "change", "changes")} refused by the store
        </Button>
      )}
    </div>
  );
}

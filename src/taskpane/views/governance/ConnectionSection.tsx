/** The store's address and the user's token, "Test connection", and who the store takes the user for. */
import * as React from "react";
import { Button, Field, Input, makeStyles, MessageBar, MessageBarBody, Spinner, Subtitle2, tokens } from "@fluentui/react-components";
import { parseStoreUrl } from "../../store/connectionSettings";
import { useStoreSession } from "../../store/StoreSession";
import { personOf, unitsText } from "./governanceText";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  input: { width: "100%", minWidth: 0 },
  wrap: { overflowWrap: "anywhere" },
});

export function ConnectionSection() {
  const styles = useStyles();
  const session = useStoreSession();
  const [url, setUrl] = React.useState(session.initialUrl);
  const [token, setToken] = React.useState(session.initialToken);
  const [urlError, setUrlError] = React.useState<string | null>(null);
  const [tokenError, setTokenError] = React.useState<string | null>(null);
  const { connection } = session;

  const test = async (event?: React.FormEvent) => {
    event?.preventDefault();
    const parsed = parseStoreUrl(url);
    setUrlError(parsed.ok ? null : parsed.message);
    const trimmed = token.trim();
    setTokenError(trimmed === "" ? "Paste your store token (it starts with sst_); your store administrator gives you one." : null);
    if (!parsed.ok || trimmed === "") return;
    setUrl(parsed.url);
    await session.connect(parsed.url, trimmed);
  };

  const forget = () => {
    session.forgetToken();
    setToken("");
  };

  return (
    <section className={styles.section} aria-labelledby="store-connection-heading">
      <Subtitle2 as="h2" id="store-connection-heading" className={styles.heading}>
        Shared store
      </Subtitle2>
      <form className={styles.form} onSubmit={(event) => void test(event)} aria-label="Connection to the shared store">
        <Field
          label="Store address"
          hint={session.urlPlace === "workbook" ? "Remembered in this workbook." : "Remembered in this browser (the pane is not running inside Excel)."}
          validationState={urlError ? "error" : "none"}
          validationMessage={urlError ?? undefined}
        >
          <Input className={styles.input} value={url} onChange={(_, data) => setUrl(data.value)} placeholder="https://segments.example.com" inputMode="url" autoComplete="url" />
        </Field>
        <Field label="Token" hint="Kept in this browser only, never in the workbook." validationState={tokenError ? "error" : "none"} validationMessage={tokenError ?? undefined}>
          <Input className={styles.input} type="password" value={token} onChange={(_, data) => setToken(data.value)} autoComplete="off" />
        </Field>
        <div className={styles.actions}>
          <Button appearance="primary" type="submit" disabled={connection.kind === "checking"}>
            Test connection
          </Button>
          {session.url && (
            <Button type="button" onClick={forget}>
              Forget token
            </Button>
          )}
          {connection.kind === "checking" && <Spinner size="tiny" label="Asking the store who you are…" />}
        </div>
      </form>
      {connection.kind === "connected" && (
        <MessageBar intent="success">
          <MessageBarBody className={styles.wrap}>
            Connected to {session.url} as {personOf(connection.principal.subject)} ({connection.principal.name}): role {connection.principal.role}, {unitsText(connection.principal)}.
          </MessageBarBody>
        </MessageBar>
      )}
      {connection.kind === "unreachable" && (
        <MessageBar intent="warning">
          <MessageBarBody className={styles.wrap}>{connection.message} What you submit is kept in this browser and sent when the store answers.</MessageBarBody>
        </MessageBar>
      )}
      {connection.kind === "refused" && (
        <MessageBar intent="error">
          <MessageBarBody className={styles.wrap}>{connection.message}</MessageBarBody>
        </MessageBar>
      )}
      {session.settingsProblem && (
        <MessageBar intent="warning">
          <MessageBarBody className={styles.wrap}>{session.settingsProblem}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}

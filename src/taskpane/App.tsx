import * as React from "react";
import {
  Badge,
  Body1,
  Caption1,
  Card,
  CardHeader,
  makeStyles,
  Subtitle2,
  Text,
  Title3,
  tokens,
} from "@fluentui/react-components";
import { FUNCTION_CATALOG, FunctionEntry } from "./catalog";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    minWidth: "280px",
    boxSizing: "border-box",
  },
  list: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    margin: 0,
    padding: 0,
    listStyleType: "none",
  },
  code: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: "anywhere",
    backgroundColor: tokens.colorNeutralBackground3,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusSmall,
  },
  example: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
  },
});

function FunctionCard({ entry }: { entry: FunctionEntry }) {
  const styles = useStyles();
  const headingId = `fn-${entry.name.replace(".", "-")}`;
  return (
    <li aria-labelledby={headingId}>
      <Card size="small">
        <CardHeader
          header={
            <Subtitle2 as="h3" id={headingId}>
              {entry.name}
            </Subtitle2>
          }
          description={<Caption1>{entry.summary}</Caption1>}
        />
        <code className={styles.code}>{entry.signature}</code>
        <div className={styles.example}>
          <Text size={200} weight="semibold">
            Example
          </Text>
          <code className={styles.code}>{entry.example}</code>
          <Caption1>{entry.exampleResult}</Caption1>
        </div>
      </Card>
    </li>
  );
}

export interface AppProps {
  /** The Office host, or null when the page runs outside Office (a plain browser). */
  host: string | null;
}

export function App({ host }: AppProps) {
  const styles = useStyles();
  return (
    <main className={styles.root} aria-label="Supply Segments">
      <header>
        <Title3 as="h1">Supply Segments</Title3>
        <Body1 as="p">
          Classify items and size their inventory policies right in your sheet. Type <strong>=SEGMENT.</strong> in a
          cell; each function takes whole columns and spills one answer per row.
        </Body1>
        {host === null && (
          <Badge appearance="tint" color="warning">
            Not running inside Excel: the functions work once the add-in is loaded in Excel.
          </Badge>
        )}
      </header>
      <section aria-label="Functions">
        <Subtitle2 as="h2">Functions</Subtitle2>
        <ul className={styles.list}>
          {FUNCTION_CATALOG.map((entry) => (
            <FunctionCard key={entry.name} entry={entry} />
          ))}
        </ul>
      </section>
    </main>
  );
}

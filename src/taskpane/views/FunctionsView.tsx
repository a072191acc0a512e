/** The SEGMENT.* functions a planner can type, each with its signature and a worked example. */
import * as React from "react";
import { Body1, Caption1, Card, CardHeader, makeStyles, Subtitle2, Text, tokens } from "@fluentui/react-components";
import { FUNCTION_CATALOG, type FunctionEntry } from "../catalog";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  flush: { margin: 0 },
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
  example: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
});

function FunctionCard({ entry }: { entry: FunctionEntry }) {
  const styles = useStyles();
  const headingId = `fn-${entry.name.replace(".", "-")}`;
  return (
    <li aria-labelledby={headingId}>
      <Card size="small">
        <CardHeader
          header={
            <Subtitle2 as="h3" id={headingId} className={styles.flush}>
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

export default function FunctionsView() {
  const styles = useStyles();
  return (
    <section className={styles.root} aria-labelledby="functions-heading">
      <Subtitle2 as="h2" id="functions-heading" className={styles.flush}>
        Functions
      </Subtitle2>
      <Body1 as="p" className={styles.flush}>
        Type <strong>=SEGMENT.</strong> in a cell. Each function takes whole columns and spills one answer per row.
      </Body1>
      <ul className={styles.list}>
        {FUNCTION_CATALOG.map((entry) => (
          <FunctionCard key={entry.name} entry={entry} />
        ))}
      </ul>
    </section>
  );
}

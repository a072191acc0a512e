/**
 * The task pane's shell: title, navigation between views (a Fluent TabList: arrow keys move between
 * tabs, Enter or Space opens one) and the open view, loaded on demand.
 */
import * as React from "react";
import { Badge, Caption1, makeStyles, Spinner, Tab, TabList, Title3, tokens } from "@fluentui/react-components";
import { VIEWS, type ViewId } from "./views";
import { DatasetProvider } from "./dataset";
import { DesignProvider } from "./design";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    minHeight: "100vh",
    minWidth: "280px",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  header: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL} ${tokens.spacingVerticalS}`,
  },
  nav: {
    padding: `0 ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  panel: {
    flexGrow: 1,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL} ${tokens.spacingVerticalXXL}`,
    outlineStyle: "none",
  },
  title: { margin: 0 },
  subtitle: { color: tokens.colorNeutralForeground3 },
});

export interface AppProps {
  /** The Office host, or null when the page runs outside Office (a plain browser). */
  host: string | null;
  /** The view shown first; Data by default. */
  initialView?: ViewId;
}

export function App({ host, initialView = "data" }: AppProps) {
  const styles = useStyles();
  const [view, setView] = React.useState<ViewId>(initialView);
  const current = VIEWS.find((entry) => entry.id === view) ?? VIEWS[0];
  const View = current.component;
  return (
    <DatasetProvider>
      <DesignProvider>
      <div className={styles.root}>
        <header className={styles.header}>
          <Title3 as="h1" className={styles.title}>
            Supply Segments
          </Title3>
          <Caption1 className={styles.subtitle}>Segment items, then price each segment's policy.</Caption1>
          {host === null && (
            <Badge appearance="tint" color="warning">
              Not running inside Excel: open the add-in in Excel to use your workbook.
            </Badge>
          )}
        </header>
        <nav className={styles.nav} aria-label="Views">
          <TabList selectedValue={view} onTabSelect={(_, data) => setView(data.value as ViewId)} size="medium">
            {VIEWS.map((entry) => (
              <Tab key={entry.id} id={`tab-${entry.id}`} value={entry.id} aria-controls={`panel-${entry.id}`} title={entry.description}>
                {entry.label}
              </Tab>
            ))}
          </TabList>
        </nav>
        <main className={styles.panel} id={`panel-${current.id}`} role="tabpanel" aria-labelledby={`tab-${current.id}`} tabIndex={-1}>
          <React.Suspense fallback={<Spinner size="small" label={`Opening ${current.label}…`} />}>
            <View />
          </React.Suspense>
        </main>
      </div>
      </DesignProvider>
    </DatasetProvider>
  );
}

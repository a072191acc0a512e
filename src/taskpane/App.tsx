/**
 * The task pane's shell: title, navigation between views (a Fluent TabList: arrow keys move between
 * tabs, Enter or Space opens one) and the open view, loaded on demand.
 */
import * as React from "react";
import {
  Badge,
  Button,
  Caption1,
  makeStyles,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Overflow,
  OverflowItem,
  Spinner,
  Tab,
  TabList,
  Title3,
  tokens,
  useIsOverflowItemVisible,
  useOverflowMenu,
} from "@fluentui/react-components";
import { MoreHorizontalRegular } from "@fluentui/react-icons";
import { VIEWS, type ViewEntry, type ViewId } from "./views";
import { DatasetProvider } from "./dataset";
import { DesignProvider } from "./design";
import { OutboxNotice } from "./OutboxNotice";
import { StoreSessionProvider } from "./store/StoreSession";

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
  tabs: { minWidth: 0, overflow: "hidden", flexWrap: "nowrap" },
  panel: {
    flexGrow: 1,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL} ${tokens.spacingVerticalXXL}`,
    outlineStyle: "none",
    minWidth: 0,
    // Long names and formulas in messages wrap rather than widen a narrow pane.
    "& .fui-MessageBar": { minWidth: 0 },
    "& .fui-MessageBarBody": { overflowWrap: "anywhere", minWidth: 0 },
  },
  title: { margin: 0 },
  subtitle: { color: tokens.colorNeutralForeground3 },
});

/** One view in the "More" menu, listed only while its tab is hidden for want of width. */
function OverflowMenuItem({ entry, onSelect }: { entry: ViewEntry; onSelect(id: ViewId): void }) {
  const visible = useIsOverflowItemVisible(entry.id);
  if (visible) return null;
  return (
    <MenuItem onClick={() => onSelect(entry.id)} title={entry.description}>
      {entry.label}
    </MenuItem>
  );
}

/** The "More" button: the views whose tabs do not fit a narrow pane. */
function MoreViews({ onSelect }: { onSelect(id: ViewId): void }) {
  const { ref, isOverflowing, overflowCount } = useOverflowMenu<HTMLButtonElement>();
  if (!isOverflowing) return null;
  return (
    <Menu hasIcons={false}>
      <MenuTrigger disableButtonEnhancement>
        <Button
          appearance="transparent"
          ref={ref}
          icon={<MoreHorizontalRegular />}
          aria-label={`${overflowCount} more ${overflowCount === 1 ? "view" : "views"}`}
        />
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {VIEWS.map((entry) => (
            <OverflowMenuItem key={entry.id} entry={entry} onSelect={onSelect} />
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

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
      <StoreSessionProvider>
      <div className={styles.root}>
        <header className={styles.header}>
          <Title3 as="h1" className={styles.title}>
            Supply Segments
          </Title3>
          <Caption1 className={styles.subtitle}>Segment items, then price each segment's policy.</Caption1>
          <OutboxNotice onOpen={() => setView("governance")} />
          {host === null && (
            <Badge appearance="tint" color="warning">
              Not running inside Excel: open the add-in in Excel to use your workbook.
            </Badge>
          )}
        </header>
        <nav className={styles.nav} aria-label="Views">
          <Overflow minimumVisible={2}>
            <TabList selectedValue={view} onTabSelect={(_, data) => setView(data.value as ViewId)} size="medium" className={styles.tabs}>
              {VIEWS.map((entry) => (
                <OverflowItem key={entry.id} id={entry.id} priority={entry.id === view ? 2 : 1}>
                  <Tab id={`tab-${entry.id}`} value={entry.id} aria-controls={`panel-${entry.id}`} title={entry.description}>
                    {entry.label}
                  </Tab>
                </OverflowItem>
              ))}
              <MoreViews onSelect={setView} />
            </TabList>
          </Overflow>
        </nav>
        <main className={styles.panel} id={`panel-${current.id}`} role="tabpanel" aria-labelledby={`tab-${current.id}`} tabIndex={-1}>
          <React.Suspense fallback={<Spinner size="small" label={`Opening ${current.label}…`} />}>
            <View />
          </React.Suspense>
        </main>
      </div>
      </StoreSessionProvider>
      </DesignProvider>
    </DatasetProvider>
  );
}

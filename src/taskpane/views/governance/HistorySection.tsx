/** The definition's versions in the store, and what changed between any two of them (or the pane's working definition). */
import * as React from "react";
import {
  Badge,
  Body1,
  Caption1,
  Dropdown,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Option,
  Spinner,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from "@fluentui/react-components";
import type { SegmentDefinition } from "../../../engine/definition";
import type { VersionSummary } from "../../../sync/client";
import { diffDefinitions, type DefinitionChange } from "../../store/definitionDiff";
import { useStoreSession } from "../../store/StoreSession";
import type { StoreRecord } from "../../store/storeRecord";
import { describeStoreError } from "../../store/storeMessages";
import { useStoreQuery } from "../../store/useStoreQuery";
import { formatWhen, personOf, STATUS_COLOR, STATUS_LABEL } from "./governanceText";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  scroller: {
    overflowX: "auto",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  table: { minWidth: "100%", width: "max-content" },
  cell: { whiteSpace: "nowrap" },
  pickers: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(130px, 1fr))", gap: tokens.spacingHorizontalS },
  dropdown: { minWidth: 0, width: "100%" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, overflowWrap: "anywhere" },
  kind: { color: tokens.colorNeutralForeground3 },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** "working" is the pane's working definition; otherwise a version number. */
type Side = number | "working";

const SHORT_STATUS: Record<string, string> = { draft: "draft", submitted: "waiting", approved: "approved", rejected: "rejected", retired: "retired" };

const KIND_WORD: Record<DefinitionChange["kind"], string> = { added: "Added", removed: "Removed", renamed: "Renamed", changed: "Changed", reordered: "Reordered" };

function sideLabel(side: Side, versions: readonly VersionSummary[]): string {
  if (side === "working") return "Working definition (this pane)";
  const version = versions.find((v) => v.version === side);
  return `Version ${side}${version ? ` · ${SHORT_STATUS[version.status] ?? version.status}` : ""}`;
}

export interface HistorySectionProps {
  id: string;
  current: StoreRecord | null | undefined;
  working: SegmentDefinition | null;
}

/** One side of the comparison: a version, or the working definition. */
function SidePicker({ label, side, sides, versions, onPick, className }: {
  label: string;
  side: Side | null;
  sides: readonly Side[];
  versions: readonly VersionSummary[];
  onPick(side: Side): void;
  className: string;
}) {
  return (
    <Field label={label}>
      <Dropdown
        className={className}
        value={side !== null ? sideLabel(side, versions) : ""}
        selectedOptions={side !== null ? [String(side)] : []}
        onOptionSelect={(_, data) => data.optionValue && onPick(data.optionValue === "working" ? "working" : Number(data.optionValue))}
      >
        {sides.map((entry) => (
          <Option key={String(entry)} value={String(entry)} text={sideLabel(entry, versions)}>
            {sideLabel(entry, versions)}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}

export function HistorySection({ id, current, working }: HistorySectionProps) {
  const styles = useStyles();
  const session = useStoreSession();
  const versions = React.useMemo(() => [...(current?.view.versions ?? [])].sort((a, b) => a.version - b.version), [current]);
  const hasWorking = working !== null && working.id === id;
  const sides: Side[] = React.useMemo(() => [...versions.map((v) => v.version), ...(hasWorking ? (["working"] as const) : [])], [versions, hasWorking]);

  const [from, setFrom] = React.useState<Side | null>(null);
  const [to, setTo] = React.useState<Side | null>(null);
  // Defaults: the version before the newest against the newest (or the newest against the working definition).
  const fallbackTo: Side | null = versions.length >= 2 ? versions[versions.length - 1].version : hasWorking ? "working" : null;
  const fallbackFrom: Side | null = versions.length >= 2 ? versions[versions.length - 2].version : versions.length === 1 && hasWorking ? versions[0].version : null;
  const fromSide = from !== null && sides.includes(from) ? from : fallbackFrom;
  const toSide = to !== null && sides.includes(to) ? to : fallbackTo;

  React.useEffect(() => {
    setFrom(null);
    setTo(null);
  }, [id]);

  // Documents by version and digest: a draft's document changes under the same number.
  const cache = React.useRef(new Map<string, Record<string, unknown>>());
  const documentOf = React.useCallback(
    async (side: Side): Promise<unknown> => {
      if (side === "working") return working;
      const summary = versions.find((v) => v.version === side);
      const key = `${id}:${side}:${summary?.digest ?? ""}`;
      const cached = cache.current.get(key);
      if (cached) return cached;
      const detail = await session.client!.version(id, side);
      cache.current.set(key, detail.document);
      return detail.document;
    },
    [id, versions, working, session.client],
  );

  const canCompare = session.client !== null && fromSide !== null && toSide !== null && fromSide !== toSide;
  const diff = useStoreQuery(
    canCompare ? async () => diffDefinitions(await documentOf(fromSide!), await documentOf(toSide!)) : null,
    [canCompare, fromSide, toSide, documentOf],
  );

  if (!current) return null;
  return (
    <section className={styles.section} aria-labelledby="store-history-heading">
      <Subtitle2 as="h2" id="store-history-heading" className={styles.heading}>
        Version history
      </Subtitle2>
      <div className={styles.scroller} role="region" aria-label="Versions, scrollable" tabIndex={0}>
        <Table size="extra-small" className={styles.table} aria-label={`Versions of ${id}`}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={styles.cell}>Version</TableHeaderCell>
              <TableHeaderCell className={styles.cell}>Status</TableHeaderCell>
              <TableHeaderCell className={styles.cell}>Written by</TableHeaderCell>
              <TableHeaderCell className={styles.cell}>Decided</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {[...versions].reverse().map((version) => (
              <TableRow key={version.version}>
                <TableCell className={styles.cell}>{version.version}</TableCell>
                <TableCell className={styles.cell}>
                  <Badge appearance="tint" color={STATUS_COLOR[version.status] ?? "informative"}>
                    {STATUS_LABEL[version.status] ?? version.status}
                  </Badge>
                </TableCell>
                <TableCell className={styles.cell}>
                  {personOf(version.author)}, {formatWhen(version.createdAt)}
                </TableCell>
                <TableCell className={styles.cell}>{version.decidedBy ? `${personOf(version.decidedBy)}, ${formatWhen(version.decidedAt)}` : "—"}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>

      {sides.length < 2 ? (
        <Caption1 className={styles.muted}>Only one version so far: nothing to compare yet.</Caption1>
      ) : (
        <>
          <div className={styles.pickers}>
            <SidePicker label="Compare" side={fromSide} sides={sides} versions={versions} onPick={setFrom} className={styles.dropdown} />
            <SidePicker label="with" side={toSide} sides={sides} versions={versions} onPick={setTo} className={styles.dropdown} />
          </div>
          {fromSide === toSide && <Caption1 className={styles.muted}>Choose two different versions to see what changed.</Caption1>}
          {diff.state.kind === "loading" && <Spinner size="tiny" label="Reading both versions…" />}
          {diff.state.kind === "failed" && (
            <MessageBar intent="error">
              <MessageBarBody>{describeStoreError(diff.state.error, session.url ?? "", "read the versions to compare")}</MessageBarBody>
            </MessageBar>
          )}
          {diff.state.kind === "done" && fromSide !== null && toSide !== null && (
            <ChangeList changes={diff.state.data} label={`Changes from ${sideLabel(fromSide, versions).split(" · ")[0].toLowerCase()} to ${sideLabel(toSide, versions).split(" · ")[0].toLowerCase()}`} />
          )}
        </>
      )}
    </section>
  );
}

export function ChangeList({ changes, label, limit }: { changes: readonly DefinitionChange[]; label: string; limit?: number }) {
  const styles = useStyles();
  if (changes.length === 0) return <Body1>No difference: both define the same segments, rules and policies.</Body1>;
  const shown = limit !== undefined ? changes.slice(0, limit) : changes;
  return (
    <>
      <Caption1 className={styles.muted}>
        {changes.length} {changes.length === 1 ? "change" : "changes"}
      </Caption1>
      <ul className={styles.list} aria-label={label}>
        {shown.map((change, index) => (
          <li key={index}>
            <Body1>
              <span className={styles.kind}>{KIND_WORD[change.kind]}: </span>
              {change.text}
            </Body1>
          </li>
        ))}
      </ul>
      {shown.length < changes.length && <Caption1 className={styles.muted}>and {changes.length - shown.length} more.</Caption1>}
    </>
  );
}

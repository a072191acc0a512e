/**
 * The working definition's segments on the chosen data: items and share of revenue as applying the
 * definition measured them (useDesign().applied), and each segment's business name, prefilled with
 * the engine's suggestion and editable. Names must be non-empty and distinct; saving them replaces the
 * definition with the renamed one — the segments, and so every item's assignment, stay as they are.
 */
import * as React from "react";
import {
  Button,
  Caption1,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from "@fluentui/react-components";
import { formatCount, formatShare } from "../../../engine/definition/format";
import type { SegmentDefinition } from "../../../engine/definition/schema";
import { useDesign } from "../../design";
import { useTableStyles } from "./tableStyles";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  nameCell: { minWidth: "170px", paddingTop: tokens.spacingVerticalXXS, paddingBottom: tokens.spacingVerticalXXS },
  input: { minWidth: 0, width: "100%" },
  muted: { color: tokens.colorNeutralForeground3, margin: 0 },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  row: { display: "flex", alignItems: "flex-end", gap: tokens.spacingHorizontalS },
  grow: { flexGrow: 1, minWidth: 0 },
});

/** Per segment, what is wrong with its new name (null when fine): blank, or used by another segment (ignoring case and spaces around). */
export function nameProblems(ids: readonly string[], names: readonly string[]): (string | null)[] {
  const keys = names.map((name) => name.trim().toLowerCase());
  return names.map((name, k) => {
    if (name.trim() === "") return `Give segment ${ids[k]} a name.`;
    const other = keys.findIndex((key, j) => j !== k && key === keys[k]);
    return other >= 0 ? `Segment ${ids[other]} is also named "${name.trim()}": give each segment its own name.` : null;
  });
}

/** The definition with new segment names; nothing else changes. */
export function renamed(definition: SegmentDefinition, names: readonly string[]): SegmentDefinition {
  return { ...definition, segments: definition.segments.map((segment, k) => ({ ...segment, name: names[k].trim() })) };
}

export function SegmentsPanel() {
  const styles = { ...useTableStyles(), ...useStyles() };
  const { definition, setDefinition, applied, applyStatus } = useDesign();
  const [names, setNames] = React.useState<string[]>(() => definition?.segments.map((segment) => segment.name) ?? []);
  const [saved, setSaved] = React.useState(false);
  const [attempted, setAttempted] = React.useState(false);
  React.useEffect(() => {
    setNames(definition?.segments.map((segment) => segment.name) ?? []);
    setAttempted(false);
  }, [definition]);
  if (!definition) return null;

  const ids = definition.segments.map((segment) => segment.id);
  const problems = nameProblems(ids, names);
  const changed = names.some((name, k) => name.trim() !== definition.segments[k]?.name);
  const valid = problems.every((problem) => problem === null);
  const matches = applied !== null && applied.definition.segments.length === ids.length && applied.definition.segments.every((segment, k) => segment.id === ids[k]);
  const measures = matches ? applied.measures : null;
  const total = measures ? measures[ids.length] : null;
  let unplaced = 0;
  if (matches) for (const k of applied.segmentIndex) if (k < 0) unplaced++;

  const save = (event?: React.FormEvent) => {
    event?.preventDefault();
    setAttempted(true);
    if (!valid || !changed) return;
    setDefinition(renamed(definition, names));
    setSaved(true);
  };

  return (
    <section className={styles.root} aria-labelledby="design-segments-heading">
      <Subtitle2 as="h2" id="design-segments-heading" className={styles.heading}>
        Segments in use: {definition.name}
      </Subtitle2>
      {applyStatus.kind === "running" && (
        <div className={styles.row}>
          <Field className={styles.grow} label="Applying the definition to the data" hint={applyStatus.progress.message ?? "Starting…"} validationState="none">
            <ProgressBar value={applyStatus.progress.total > 0 ? applyStatus.progress.done / applyStatus.progress.total : undefined} max={1} />
          </Field>
          <Button onClick={() => applyStatus.cancel()}>Cancel</Button>
        </div>
      )}
      {applyStatus.kind === "failed" && (
        <MessageBar intent={applyStatus.cancelled ? "info" : "error"}>
          <MessageBarBody>
            {applyStatus.cancelled ? "Applying was cancelled: the item counts are not shown until the definition is applied." : applyStatus.message}
          </MessageBarBody>
        </MessageBar>
      )}
      <form onSubmit={save} className={styles.root} aria-label="Segment names">
        <div className={styles.scroller} role="region" aria-label="Segments in use" tabIndex={0}>
          <Table size="extra-small" className={styles.table} aria-label="Segments in use: name, items and share of revenue">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Segment</TableHeaderCell>
                <TableHeaderCell className={styles.nameCell}>Name</TableHeaderCell>
                <TableHeaderCell className={styles.number}>Items</TableHeaderCell>
                <TableHeaderCell className={styles.number}>Share of revenue</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {definition.segments.map((segment, k) => {
                const problem = attempted || names[k] !== segment.name ? problems[k] : null;
                return (
                  <TableRow key={segment.id}>
                    <TableCell>{segment.id}</TableCell>
                    <TableCell className={styles.nameCell}>
                      <Field validationState={problem ? "error" : "none"} validationMessage={problem ?? undefined}>
                        <Input
                          className={styles.input}
                          aria-label={`Name of segment ${segment.id}`}
                          value={names[k] ?? ""}
                          onChange={(_, data) => {
                            setSaved(false);
                            setNames((current) => current.map((name, j) => (j === k ? data.value : name)));
                          }}
                        />
                      </Field>
                    </TableCell>
                    <TableCell className={styles.number}>{measures ? formatCount(measures[k].items) : "…"}</TableCell>
                    <TableCell className={styles.number}>
                      {measures && total ? formatShare(total.revenue !== 0 ? measures[k].revenue / total.revenue : NaN) : "…"}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </div>
        {matches && unplaced > 0 && (
          <Caption1 as="p" className={styles.muted}>
            {formatCount(unplaced)} items get no segment.
          </Caption1>
        )}
        {!matches && applyStatus.kind === "idle" && (
          <Caption1 as="p" className={styles.muted}>
            Items and revenue show once the definition is applied to the chosen data.
          </Caption1>
        )}
        <div className={styles.actions}>
          <Button type="submit" appearance="primary" disabled={!changed}>
            Save names
          </Button>
          {changed && (
            <Button onClick={() => setNames(definition.segments.map((segment) => segment.name))} type="button">
              Undo changes
            </Button>
          )}
          {saved && !changed && (
            <Caption1 role="status" className={styles.muted}>
              Names saved; every item keeps its segment.
            </Caption1>
          )}
        </div>
      </form>
    </section>
  );
}

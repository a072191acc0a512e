/**
 * The options of the clusters method, as SEGMENT.CLUSTER has them: which item features to cluster on,
 * each with its weight and transform, the scaling and the seed; then how many segments — with the
 * table and charts over k (SEGMENT.KSELECT's inertia, silhouette and recommendation) to choose from.
 */
import * as React from "react";
import {
  Button,
  Caption1,
  Checkbox,
  Dropdown,
  Field,
  Input,
  makeStyles,
  Option,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from "@fluentui/react-components";
import type { Scaling } from "../../../engine/cluster/prepare";
import type { DimensionTransform } from "../../../engine/cluster/transform";
import { formatNumber } from "../../../engine/definition/format";
import { featureLabel } from "../../../engine/definition/itemFeatures";
import type { DesignItems } from "../../worker/designJobs";
import { type FieldErrors, kselectRequest, readNumber } from "./designRequest";
import type { DesignChoices, DesignResults, DimensionDraft } from "./designStore";
import { JobStatus } from "./JobStatus";
import { KSelectPanel } from "./KSelectPanel";
import { NumberField, type OptionProps } from "./MatrixOptions";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  scroller: {
    overflowX: "auto",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  table: { minWidth: "100%", width: "max-content" },
  weight: { width: "64px", minWidth: 0 },
  transform: { minWidth: "96px", width: "96px" },
  median: { display: "block", color: tokens.colorNeutralForeground3, paddingLeft: "32px" },
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(130px, 1fr))",
    alignItems: "start",
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
  },
  wide: { gridColumn: "1 / -1" },
  input: { minWidth: 0, width: "100%" },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "flex-end" },
  error: { color: tokens.colorPaletteRedForeground1 },
});

export const TRANSFORM_LABELS: Record<DimensionTransform, string> = { none: "As is", log1p: "Log", rank: "Rank" };
export const SCALING_LABELS: Record<Scaling, string> = {
  zscore: "Z-score (mean, std. dev.)",
  robust: "Robust (median, IQR)",
  minmax: "Min–max (0 to 1)",
  none: "None (raw units)",
};

export interface ClusterOptionsProps extends OptionProps {
  items: DesignItems;
  results: DesignResults;
  onCompare(): void;
}

function DimensionRow({ draft, median, error, onChange }: { draft: DimensionDraft; median?: number; error?: string; onChange(next: DimensionDraft): void }) {
  const styles = useStyles();
  const label = featureLabel(draft.name);
  return (
    <TableRow>
      <TableCell>
        <Checkbox label={label} checked={draft.on} onChange={(_, data) => onChange({ ...draft, on: data.checked === true })} />
        {median !== undefined && Number.isFinite(median) && <Caption1 className={styles.median}>median {formatNumber(median)}</Caption1>}
      </TableCell>
      <TableCell>
        <Field validationState={error ? "error" : "none"} validationMessage={error}>
          <Input
            className={styles.weight}
            aria-label={`Weight of ${label}`}
            inputMode="decimal"
            value={draft.weight}
            disabled={!draft.on}
            onChange={(_, data) => onChange({ ...draft, weight: data.value })}
          />
        </Field>
      </TableCell>
      <TableCell>
        <Dropdown
          className={styles.transform}
          aria-label={`Transform of ${label}`}
          value={TRANSFORM_LABELS[draft.transform]}
          selectedOptions={[draft.transform]}
          disabled={!draft.on}
          onOptionSelect={(_, data) => data.optionValue && onChange({ ...draft, transform: data.optionValue as DimensionTransform })}
        >
          {(Object.keys(TRANSFORM_LABELS) as DimensionTransform[]).map((transform) => (
            <Option key={transform} value={transform}>
              {TRANSFORM_LABELS[transform]}
            </Option>
          ))}
        </Dropdown>
      </TableCell>
    </TableRow>
  );
}

export function ClusterOptions({ choices, errors, onChange, items, results, onCompare }: ClusterOptionsProps) {
  const styles = useStyles();
  const clusters = choices.clusters;
  const set = (part: Partial<DesignChoices["clusters"]>) => onChange((current) => ({ ...current, clusters: { ...current.clusters, ...part } }));
  const setDimension = (next: DimensionDraft) =>
    onChange((current) => ({
      ...current,
      clusters: { ...current.clusters, dimensions: current.clusters.dimensions.map((draft) => (draft.name === next.name ? next : draft)) },
    }));
  const compare = kselectRequest(choices, items);
  const compareErrors: FieldErrors = compare.errors;
  const table = results.kselect;
  const running = results.running?.job === "cluster.kselect";
  const medians = new Map(items.summaries.map((summary) => [summary.name, summary.median]));

  return (
    <div className={styles.section}>
      <div className={styles.scroller} role="region" aria-label="Dimensions to cluster on" tabIndex={0}>
        <Table size="extra-small" className={styles.table} aria-label="Dimensions, weights and transforms">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Dimension</TableHeaderCell>
              <TableHeaderCell>Weight</TableHeaderCell>
              <TableHeaderCell>Transform</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {clusters.dimensions.map((draft) => (
              <DimensionRow key={draft.name} draft={draft} median={medians.get(draft.name)} error={errors[`weight.${draft.name}`]} onChange={setDimension} />
            ))}
          </TableBody>
        </Table>
      </div>
      {errors.dimensions && (
        <Caption1 className={styles.error} role="alert">
          {errors.dimensions}
        </Caption1>
      )}
      <div className={styles.grid}>
        <Field label="Scaling" hint="puts the dimensions on one scale before distances">
          <Dropdown
            className={styles.input}
            value={SCALING_LABELS[clusters.scaling]}
            selectedOptions={[clusters.scaling]}
            onOptionSelect={(_, data) => data.optionValue && set({ scaling: data.optionValue as Scaling })}
          >
            {(Object.keys(SCALING_LABELS) as Scaling[]).map((scaling) => (
              <Option key={scaling} value={scaling}>
                {SCALING_LABELS[scaling]}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <NumberField label="Seed" hint="same seed, same segments" value={clusters.seed} error={errors.seed} onChange={(seed) => set({ seed })} />
      </div>

      <div className={styles.actions}>
        <NumberField label="Compare k from" value={clusters.kMin} error={compareErrors.kMin} onChange={(kMin) => set({ kMin })} />
        <NumberField label="to" value={clusters.kMax} error={compareErrors.kMax} onChange={(kMax) => set({ kMax })} />
        <Button onClick={onCompare} disabled={running || compare.input === null}>
          Compare numbers of segments
        </Button>
      </div>
      <JobStatus results={results} jobs={["cluster.kselect"]} />
      {table && (
        <KSelectPanel
          result={table.value}
          stale={table.key !== compare.key}
          chosenK={readNumber(clusters.k)}
          onUseK={(k) => set({ k: String(k) })}
        />
      )}
      <NumberField label="Number of segments (k)" value={clusters.k} error={errors.k} onChange={(k) => set({ k })} />
    </div>
  );
}

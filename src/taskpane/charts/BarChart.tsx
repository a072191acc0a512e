/**
 * A vertical bar chart drawn by hand in SVG: one bar per category, its height proportional to its
 * value from a zero baseline, the value written above it, and an optional target marked across the
 * bar. Colours are Fluent tokens (so the dark theme works) and never carry meaning alone: a bar in
 * "danger" is also hatched and one in "warning" dotted, the legend says so, and the chart's
 * aria-label reads every value, target and state out.
 *
 * The drawing has a fixed coordinate system (viewBox) and scales to the width it is given, up to a
 * limit, so it fits a 320 px pane and does not balloon in a wide one.
 */
import * as React from "react";
import { Caption1, makeStyles, tokens } from "@fluentui/react-components";

export type BarTone = "default" | "good" | "warning" | "danger";

export interface BarDatum {
  /** Short label under the bar, e.g. a segment id. */
  label: string;
  /** Longer name for the summary read to screen readers; the label when absent. */
  name?: string;
  /** NaN draws no bar and says "no value". */
  value: number;
  /** The value as people read it ("97.5%"). */
  valueText: string;
  target?: number;
  targetText?: string;
  tone?: BarTone;
  /** The state in words ("escalate"), read with the value. */
  toneText?: string;
}

export interface BarChartProps {
  /** What the chart shows, e.g. "Fill rate by segment"; shown under the chart and starts its aria-label. */
  title: string;
  data: readonly BarDatum[];
  /** Value at the top of the scale; by default the largest value or target. */
  max?: number;
  /** Height of the drawing area for bars, in chart units (about pixels at 320 px wide). */
  plotHeight?: number;
}

const TOP = 18;
const BOTTOM = 26;
const MIN_WIDTH = 280;
const SLOT = 44;
const CHAR_WIDTH = 6.2;

const useStyles = makeStyles({
  figure: { margin: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: 0 },
  svg: { display: "block", width: "100%", height: "auto", overflow: "visible" },
  bar: { fill: tokens.colorBrandBackground },
  good: { fill: tokens.colorPaletteGreenBackground3 },
  warning: { fill: tokens.colorPaletteMarigoldBackground3 },
  danger: { fill: tokens.colorPaletteRedBackground3 },
  dotted: { fill: "none", stroke: tokens.colorNeutralForeground1, strokeWidth: 1.5, strokeDasharray: "2 2" },
  hatchLine: { stroke: tokens.colorNeutralBackground1, strokeWidth: 2 },
  target: { stroke: tokens.colorNeutralForeground1, strokeWidth: 2.5 },
  baseline: { stroke: tokens.colorNeutralStroke1, strokeWidth: 1 },
  valueText: { fill: tokens.colorNeutralForeground1, fontFamily: tokens.fontFamilyBase, fontSize: "10px" },
  labelText: { fill: tokens.colorNeutralForeground2, fontFamily: tokens.fontFamilyBase, fontSize: "11px" },
  missing: { fill: tokens.colorNeutralForeground3, fontFamily: tokens.fontFamilyBase, fontSize: "10px" },
  caption: {
    margin: 0,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  legend: { display: "flex", flexWrap: "wrap", gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}`, color: tokens.colorNeutralForeground3 },
  legendItem: { display: "inline-flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
  swatch: { width: "14px", height: "10px", flexShrink: 0, overflow: "visible" },
});

/** What a screen reader hears: the title, then every bar's value, target and state. */
export function barChartSummary(title: string, data: readonly BarDatum[]): string {
  const parts = data.map((datum) => {
    const name = datum.name ?? datum.label;
    const value = datum.value === datum.value ? datum.valueText : "no value";
    const target = datum.target !== undefined && datum.target === datum.target && datum.targetText ? `, target ${datum.targetText}` : "";
    const state = datum.toneText ? `, ${datum.toneText}` : "";
    return `${name} ${value}${target}${state}`;
  });
  return `${title}: ${parts.join("; ")}.`;
}

/** Just above the bar, unless the target line is in the way there: then above the target line. */
function labelY(barTop: number, targetY: number | null): number {
  const above = barTop - 4;
  if (targetY !== null && targetY <= barTop + 2 && targetY >= above - 10) return targetY - 4;
  return above;
}

function fit(label: string, width: number): string {
  const room = Math.max(2, Math.floor(width / CHAR_WIDTH));
  return label.length <= room ? label : `${label.slice(0, room - 1)}…`;
}

export function BarChart({ title, data, max, plotHeight = 112 }: BarChartProps) {
  const styles = useStyles();
  const id = React.useId().replace(/[^A-Za-z0-9_-]/g, "");
  const hatchId = `bar-hatch-${id}`;
  const width = Math.max(MIN_WIDTH, data.length * SLOT);
  const height = TOP + plotHeight + BOTTOM;
  const slot = data.length > 0 ? width / data.length : width;
  const barWidth = Math.min(32, slot * 0.62);
  const finite = (v: number | undefined): v is number => v !== undefined && Number.isFinite(v);
  const top =
    max !== undefined && max > 0
      ? max
      : Math.max(0, ...data.flatMap((d) => [d.value, d.target].filter(finite).map((v) => Math.max(0, v))));
  const scale = (value: number) => (top > 0 ? (Math.max(0, Math.min(value, top)) / top) * plotHeight : 0);
  const baseY = TOP + plotHeight;
  const hasTarget = data.some((d) => finite(d.target));
  const hasDanger = data.some((d) => d.tone === "danger");
  const hasWarning = data.some((d) => d.tone === "warning");

  return (
    <figure className={styles.figure}>
      <figcaption className={styles.caption}>{title}</figcaption>
      <svg
        className={styles.svg}
        style={{ maxWidth: `${Math.round(width * 1.3)}px` }}
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={barChartSummary(title, data)}
        focusable="false"
      >
        <defs>
          <pattern id={hatchId} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
            <line x1="0" y1="0" x2="0" y2="6" className={styles.hatchLine} />
          </pattern>
        </defs>
        {data.map((datum, k) => {
          const center = slot * k + slot / 2;
          const x = center - barWidth / 2;
          const has = finite(datum.value);
          const barHeight = has ? scale(datum.value) : 0;
          const tone = datum.tone ?? "default";
          const barClass = tone === "good" ? styles.good : tone === "warning" ? styles.warning : tone === "danger" ? styles.danger : styles.bar;
          const targetY = finite(datum.target) ? baseY - scale(datum.target) : null;
          return (
            <g key={`${datum.label}-${k}`} data-bar={datum.label}>
              {has && (
                <rect
                  x={x}
                  y={baseY - barHeight}
                  width={barWidth}
                  height={barHeight}
                  className={barClass}
                  data-value={datum.value}
                  data-height={barHeight}
                />
              )}
              {has && tone === "danger" && barHeight > 0 && (
                <rect x={x} y={baseY - barHeight} width={barWidth} height={barHeight} fill={`url(#${hatchId})`} data-pattern="hatched" />
              )}
              {has && tone === "warning" && barHeight > 0 && (
                <rect x={x + 0.75} y={baseY - barHeight + 0.75} width={barWidth - 1.5} height={Math.max(0, barHeight - 1.5)} className={styles.dotted} data-pattern="dotted" />
              )}
              {targetY !== null && (
                <line x1={center - barWidth / 2 - 4} x2={center + barWidth / 2 + 4} y1={targetY} y2={targetY} className={styles.target} data-target={datum.target} />
              )}
              <text
                x={center}
                y={labelY(baseY - barHeight, targetY)}
                textAnchor="middle"
                className={has ? styles.valueText : styles.missing}
              >
                {has ? fit(datum.valueText, slot) : "n/a"}
              </text>
              <text x={center} y={baseY + 16} textAnchor="middle" className={styles.labelText}>
                {fit(datum.label, slot)}
              </text>
            </g>
          );
        })}
        <line x1={0} x2={width} y1={baseY} y2={baseY} className={styles.baseline} />
      </svg>
      {(hasTarget || hasDanger || hasWarning) && (
        <div className={styles.legend} aria-hidden="true">
          {hasTarget && (
            <span className={styles.legendItem}>
              <svg className={styles.swatch} viewBox="0 0 14 10">
                <line x1="0" x2="14" y1="5" y2="5" className={styles.target} />
              </svg>
              <Caption1>target</Caption1>
            </span>
          )}
          {hasWarning && (
            <span className={styles.legendItem}>
              <svg className={styles.swatch} viewBox="0 0 14 10">
                <rect x="0" y="0" width="14" height="10" className={styles.warning} />
                <rect x="0.75" y="0.75" width="12.5" height="8.5" className={styles.dotted} />
              </svg>
              <Caption1>dotted: off target</Caption1>
            </span>
          )}
          {hasDanger && (
            <span className={styles.legendItem}>
              <svg className={styles.swatch} viewBox="0 0 14 10">
                <rect x="0" y="0" width="14" height="10" className={styles.danger} />
                <rect x="0" y="0" width="14" height="10" fill={`url(#${hatchId})`} />
              </svg>
              <Caption1>hatched: escalate</Caption1>
            </span>
          )}
        </div>
      )}
    </figure>
  );
}

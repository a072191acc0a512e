/**
 * A line chart drawn by hand in SVG: one or more series of (x, y) points joined in x order, axes with
 * a few round ticks, and an optional x marked across the plot (e.g. the recommended k). Colours are
 * Fluent tokens (the dark theme works); series differ also by marker shape and dash, so colour never
 * carries meaning alone. The chart's aria-label reads every point out; the view beside it shows the
 * same figures in a table.
 *
 * The drawing has a fixed coordinate system (viewBox) and scales to the width it is given, so it fits
 * a 320 px pane and stops growing in a wide one. Also home to the axis helpers ScatterChart shares.
 */
import * as React from "react";
import { Caption1, makeStyles, tokens } from "@fluentui/react-components";

export interface LinePoint {
  x: number;
  /** NaN leaves a gap: no marker, and the line breaks. */
  y: number;
}

export interface LineSeries {
  name: string;
  points: readonly LinePoint[];
}

export interface LineChartProps {
  /** What the chart shows ("Inertia by k"): shown under the chart and starts its aria-label. */
  title: string;
  xLabel: string;
  yLabel: string;
  series: readonly LineSeries[];
  formatX?: (x: number) => string;
  formatY?: (y: number) => string;
  /** An x to mark with a line and a ring, e.g. the recommended k. */
  highlightX?: number;
  /** Words for the mark ("recommended"). */
  highlightLabel?: string;
  /** Start the y axis at 0 (default) or at the smallest value. */
  zeroBased?: boolean;
}

/** Series colours: the brand first, then palette colours that read in light and dark themes. */
export const SERIES_COLOURS: readonly string[] = [
  tokens.colorBrandForeground1,
  tokens.colorPaletteDarkOrangeForeground2,
  tokens.colorPaletteGreenForeground2,
  tokens.colorPalettePurpleForeground2,
  tokens.colorPaletteCranberryForeground2,
  tokens.colorPaletteTealForeground2,
  tokens.colorPaletteGoldForeground2,
  tokens.colorPaletteNavyForeground2,
  tokens.colorPaletteBerryForeground2,
  tokens.colorPaletteBrownForeground2,
  tokens.colorPaletteForestForeground2,
  tokens.colorPaletteSteelForeground2,
];

export type MarkerShape = "circle" | "square" | "triangle" | "diamond" | "triangleDown" | "plus" | "cross" | "bar";
export const MARKER_SHAPES: readonly MarkerShape[] = ["circle", "square", "triangle", "diamond", "triangleDown", "plus", "cross", "bar"];

/** SVG path of a marker of half-size r centred on (x, y). Filled shapes close; plus, cross and bar are strokes. */
export function markerPath(shape: MarkerShape, x: number, y: number, r: number): string {
  const f = (v: number) => Math.round(v * 10) / 10;
  switch (shape) {
    case "square":
      return `M${f(x - r)} ${f(y - r)}h${f(2 * r)}v${f(2 * r)}h${f(-2 * r)}Z`;
    case "triangle":
      return `M${f(x)} ${f(y - r * 1.15)}L${f(x + r * 1.15)} ${f(y + r)}L${f(x - r * 1.15)} ${f(y + r)}Z`;
    case "triangleDown":
      return `M${f(x)} ${f(y + r * 1.15)}L${f(x + r * 1.15)} ${f(y - r)}L${f(x - r * 1.15)} ${f(y - r)}Z`;
    case "diamond":
      return `M${f(x)} ${f(y - r * 1.3)}L${f(x + r * 1.3)} ${f(y)}L${f(x)} ${f(y + r * 1.3)}L${f(x - r * 1.3)} ${f(y)}Z`;
    case "plus":
      return `M${f(x - r * 1.2)} ${f(y)}h${f(2.4 * r)}M${f(x)} ${f(y - r * 1.2)}v${f(2.4 * r)}`;
    case "cross":
      return `M${f(x - r)} ${f(y - r)}L${f(x + r)} ${f(y + r)}M${f(x + r)} ${f(y - r)}L${f(x - r)} ${f(y + r)}`;
    case "bar":
      return `M${f(x - r * 1.3)} ${f(y)}h${f(2.6 * r)}`;
    default:
      return `M${f(x - r)} ${f(y)}a${f(r)} ${f(r)} 0 1 0 ${f(2 * r)} 0a${f(r)} ${f(r)} 0 1 0 ${f(-2 * r)} 0Z`;
  }
}

/** Shapes drawn as lines only (no fill). */
export function isStrokeShape(shape: MarkerShape): boolean {
  return shape === "plus" || shape === "cross" || shape === "bar";
}

/**
 * Round ticks from at or below `low` to at or above `high`, about `count` steps apart: steps of 1, 2,
 * 2.5 or 5 × a power of ten, so the axis ends on a labelled value.
 */
export function niceTicks(low: number, high: number, count = 4): number[] {
  if (!(Number.isFinite(low) && Number.isFinite(high))) return [];
  if (high === low) return [low];
  const raw = (high - low) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw * (1 - 1e-9)) ?? 10 * power;
  const first = Math.floor(low / step + 1e-9);
  const last = Math.ceil(high / step - 1e-9);
  const ticks: number[] = [];
  // Multiples of the step, rounded to its precision so 0.1 × 3 reads 0.3.
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  for (let m = first; m <= last; m++) ticks.push(Number((m * step).toFixed(digits)) || 0);
  return ticks;
}

const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 2 });

/** A tick label: 0.25, 12, 1.2K, 3M. */
export function tickText(value: number): string {
  return compact.format(value);
}

const WIDTH = 300;
const HEIGHT = 170;
const LEFT = 44;
const RIGHT = 12;
const TOP = 14;
const BOTTOM = 34;

const useStyles = makeStyles({
  figure: { margin: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: 0 },
  svg: { display: "block", width: "100%", height: "auto", maxWidth: "420px", overflow: "visible" },
  axis: { stroke: tokens.colorNeutralStroke1, strokeWidth: 1 },
  grid: { stroke: tokens.colorNeutralStroke3, strokeWidth: 1 },
  tick: { fill: tokens.colorNeutralForeground2, fontFamily: tokens.fontFamilyBase, fontSize: "10px" },
  axisLabel: { fill: tokens.colorNeutralForeground2, fontFamily: tokens.fontFamilyBase, fontSize: "10px" },
  highlight: { stroke: tokens.colorNeutralForeground1, strokeWidth: 1, strokeDasharray: "3 3" },
  highlightText: { fill: tokens.colorNeutralForeground1, fontFamily: tokens.fontFamilyBase, fontSize: "10px", fontWeight: tokens.fontWeightSemibold },
  caption: { color: tokens.colorNeutralForeground2, margin: 0 },
  legend: { display: "flex", flexWrap: "wrap", gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}`, color: tokens.colorNeutralForeground3 },
  legendItem: { display: "inline-flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
  swatch: { width: "18px", height: "10px", flexShrink: 0, overflow: "visible" },
});

const plain = (value: number) => (Number.isFinite(value) ? tickText(value) : "no value");

/** What a screen reader hears: the title, then each series' points, then the marked x. */
export function lineChartSummary(props: Pick<LineChartProps, "title" | "xLabel" | "yLabel" | "series" | "formatX" | "formatY" | "highlightX" | "highlightLabel">): string {
  const fx = props.formatX ?? plain;
  const fy = props.formatY ?? plain;
  const series = props.series.map((s) => {
    const points = s.points.map((p) => `${props.xLabel} ${fx(p.x)}: ${Number.isFinite(p.y) ? fy(p.y) : "no value"}`).join(", ");
    return props.series.length > 1 ? `${s.name}: ${points}` : points;
  });
  const mark = props.highlightX !== undefined ? ` ${props.highlightLabel ?? "Marked"}: ${props.xLabel} ${fx(props.highlightX)}.` : "";
  return `${props.title} (${props.yLabel} by ${props.xLabel}): ${series.join("; ")}.${mark}`;
}

export function LineChart(props: LineChartProps) {
  const { title, xLabel, yLabel, series, highlightX, highlightLabel, zeroBased = true } = props;
  const styles = useStyles();
  const fx = props.formatX ?? tickText;
  const xs = series.flatMap((s) => s.points.map((p) => p.x)).filter(Number.isFinite);
  const ys = series.flatMap((s) => s.points.map((p) => p.y)).filter(Number.isFinite);
  const xMin = xs.length ? Math.min(...xs) : 0;
  const xMax = xs.length ? Math.max(...xs) : 1;
  let yMin = ys.length ? Math.min(...ys) : 0;
  let yMax = ys.length ? Math.max(...ys) : 1;
  if (zeroBased) yMin = Math.min(0, yMin);
  if (yMax === yMin) yMax = yMin + (yMin === 0 ? 1 : Math.abs(yMin));
  const yTicks = niceTicks(yMin, yMax, 4);
  const top = Math.max(yMax, ...yTicks);
  const bottom = Math.min(yMin, ...yTicks);
  const plotWidth = WIDTH - LEFT - RIGHT;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const xAt = (x: number) => LEFT + (xMax > xMin ? ((x - xMin) / (xMax - xMin)) * plotWidth : plotWidth / 2);
  const yAt = (y: number) => TOP + plotHeight - ((y - bottom) / (top - bottom)) * plotHeight;
  const xTicks = [...new Set(xs)].sort((a, b) => a - b);
  const baseY = TOP + plotHeight;

  return (
    <figure className={styles.figure}>
      <svg className={styles.svg} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={lineChartSummary(props)} focusable="false">
        {yTicks.map((tick) => (
          <g key={`y${tick}`}>
            <line x1={LEFT} x2={WIDTH - RIGHT} y1={yAt(tick)} y2={yAt(tick)} className={styles.grid} />
            <text x={LEFT - 4} y={yAt(tick) + 3} textAnchor="end" className={styles.tick}>
              {tickText(tick)}
            </text>
          </g>
        ))}
        <line x1={LEFT} x2={WIDTH - RIGHT} y1={baseY} y2={baseY} className={styles.axis} />
        <line x1={LEFT} x2={LEFT} y1={TOP} y2={baseY} className={styles.axis} />
        {xTicks.map((tick) => (
          <text key={`x${tick}`} x={xAt(tick)} y={baseY + 12} textAnchor="middle" className={styles.tick}>
            {fx(tick)}
          </text>
        ))}
        <text x={LEFT + plotWidth / 2} y={HEIGHT - 4} textAnchor="middle" className={styles.axisLabel}>
          {xLabel}
        </text>
        <text x={10} y={TOP + plotHeight / 2} textAnchor="middle" transform={`rotate(-90 10 ${TOP + plotHeight / 2})`} className={styles.axisLabel}>
          {yLabel}
        </text>
        {highlightX !== undefined && Number.isFinite(highlightX) && (
          <g data-highlight={highlightX}>
            <line x1={xAt(highlightX)} x2={xAt(highlightX)} y1={TOP} y2={baseY} className={styles.highlight} />
            <text
              x={xAt(highlightX) + (xAt(highlightX) > LEFT + plotWidth * 0.7 ? -4 : 4)}
              y={TOP + 8}
              textAnchor={xAt(highlightX) > LEFT + plotWidth * 0.7 ? "end" : "start"}
              className={styles.highlightText}
            >
              {highlightLabel ?? ""}
            </text>
          </g>
        )}
        {series.map((s, index) => {
          const colour = SERIES_COLOURS[index % SERIES_COLOURS.length];
          const shape = MARKER_SHAPES[index % MARKER_SHAPES.length];
          const sorted = s.points.filter((p) => Number.isFinite(p.x)).sort((a, b) => a.x - b.x);
          let path = "";
          let pen = false;
          for (const p of sorted) {
            if (!Number.isFinite(p.y)) {
              pen = false;
              continue;
            }
            path += `${pen ? "L" : "M"}${xAt(p.x).toFixed(1)} ${yAt(p.y).toFixed(1)}`;
            pen = true;
          }
          return (
            <g key={s.name} data-series={s.name}>
              <path d={path} fill="none" style={{ stroke: colour, strokeWidth: 2, strokeDasharray: index % 2 === 1 ? "5 3" : undefined }} />
              {sorted
                .filter((p) => Number.isFinite(p.y))
                .map((p) => (
                  <path
                    key={p.x}
                    d={markerPath(shape, xAt(p.x), yAt(p.y), p.x === highlightX ? 4.5 : 3)}
                    data-x={p.x}
                    data-y={p.y}
                    style={isStrokeShape(shape) ? { stroke: colour, strokeWidth: 2, fill: "none" } : { fill: colour, stroke: tokens.colorNeutralBackground1, strokeWidth: 1 }}
                  />
                ))}
            </g>
          );
        })}
      </svg>
      <Caption1 as="p" className={styles.caption}>
        {title}
      </Caption1>
      {series.length > 1 && (
        <div className={styles.legend} aria-hidden="true">
          {series.map((s, index) => {
            const colour = SERIES_COLOURS[index % SERIES_COLOURS.length];
            const shape = MARKER_SHAPES[index % MARKER_SHAPES.length];
            return (
              <span key={s.name} className={styles.legendItem}>
                <svg className={styles.swatch} viewBox="0 0 18 10">
                  <line x1="0" x2="18" y1="5" y2="5" style={{ stroke: colour, strokeWidth: 2, strokeDasharray: index % 2 === 1 ? "5 3" : undefined }} />
                  <path d={markerPath(shape, 9, 5, 3)} style={isStrokeShape(shape) ? { stroke: colour, strokeWidth: 2, fill: "none" } : { fill: colour }} />
                </svg>
                <Caption1>{s.name}</Caption1>
              </span>
            );
          })}
        </div>
      )}
    </figure>
  );
}

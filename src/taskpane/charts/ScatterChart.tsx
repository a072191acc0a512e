/**
 * A scatter chart drawn by hand in SVG: items as small markers, one colour and one shape per group
 * (segment), so groups tell apart without colour; each group's centre (e.g. its median item) as a
 * larger labelled marker. An axis may be logarithmic — the symmetric log ln(1 + |v|), which draws 0
 * and keeps the order of negative values — with ticks at 0, 1, 10, 100, ... in the data's own units,
 * for revenue-like dimensions where a few items dwarf the rest.
 *
 * The chart's aria-label says what is plotted and where each group sits; the legend under it gives
 * each group's marker and count, and the view shows the figures in a table beside it.
 */
import * as React from "react";
import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { isStrokeShape, MARKER_SHAPES, markerPath, niceTicks, SERIES_COLOURS, tickText } from "./LineChart";

export type AxisScale = "linear" | "log";

export interface ScatterAxis {
  label: string;
  scale: AxisScale;
  /** Values as people read them, for the summary (default: compact numbers). */
  format?: (value: number) => string;
}

export interface ScatterGroup {
  name: string;
  /** Items of the group in the whole data (the points may be a sample). */
  count?: number;
  /** The group's centre in data units; drawn as a labelled marker and read in the summary. */
  centre?: { x: number; y: number };
  /** Short label drawn at the centre ("S1"). */
  label?: string;
}

export interface ScatterChartProps {
  title: string;
  x: ScatterAxis;
  y: ScatterAxis;
  /** Per point: x, y (data units) and group index. Points with a non-finite value are not drawn. */
  xs: ArrayLike<number>;
  ys: ArrayLike<number>;
  group: ArrayLike<number>;
  groups: readonly ScatterGroup[];
  /** A sentence after the title in the summary, e.g. "2,000 of 3,877 items shown". */
  note?: string;
}

const WIDTH = 300;
const HEIGHT = 240;
const LEFT = 44;
const RIGHT = 12;
const TOP = 10;
const BOTTOM = 34;

/** ln(1 + |v|) with v's sign: the transform of a "log" axis. */
export function symlog(value: number): number {
  return value < 0 ? -Math.log1p(-value) : Math.log1p(value);
}

/** Ticks of an axis over data values [low, high]: round numbers, or 0 and ±powers of ten on a log axis. */
export function axisTicks(scale: AxisScale, low: number, high: number): number[] {
  if (scale === "linear") return niceTicks(low, high, 4);
  const ticks: number[] = [];
  const top = Math.max(Math.abs(low), Math.abs(high));
  const powers: number[] = [];
  for (let p = 1; p <= top * 1.0001; p *= 10) powers.push(p);
  for (const p of powers.slice().reverse()) if (-p >= low) ticks.push(-p);
  if (low <= 0 && high >= 0) ticks.push(0);
  for (const p of powers) if (p <= high && p >= low) ticks.push(p);
  // Too many decades for the axis: keep 0 and every other power (1, 100, 10,000, ...).
  return ticks.length > 6 ? ticks.filter((tick) => tick === 0 || Math.round(Math.log10(Math.abs(tick))) % 2 === 0) : ticks;
}

const useStyles = makeStyles({
  figure: { margin: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: 0 },
  svg: { display: "block", width: "100%", height: "auto", maxWidth: "440px", overflow: "visible" },
  axis: { stroke: tokens.colorNeutralStroke1, strokeWidth: 1 },
  grid: { stroke: tokens.colorNeutralStroke3, strokeWidth: 1 },
  tick: { fill: tokens.colorNeutralForeground2, fontFamily: tokens.fontFamilyBase, fontSize: "10px" },
  axisLabel: { fill: tokens.colorNeutralForeground2, fontFamily: tokens.fontFamilyBase, fontSize: "10px" },
  centreLabel: {
    fill: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: "10px",
    fontWeight: tokens.fontWeightSemibold,
    paintOrder: "stroke",
    stroke: tokens.colorNeutralBackground1,
    strokeWidth: "3px",
  },
  caption: { color: tokens.colorNeutralForeground2, margin: 0 },
  legend: { display: "flex", flexWrap: "wrap", gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}`, margin: 0, padding: 0, listStyle: "none" },
  legendItem: { display: "inline-flex", alignItems: "center", gap: tokens.spacingHorizontalXS, color: tokens.colorNeutralForeground2 },
  swatch: { width: "12px", height: "12px", flexShrink: 0, overflow: "visible" },
});

/** A group's marker: its colour and shape, in the order of the groups. */
export function groupMarker(index: number): { colour: string; shape: (typeof MARKER_SHAPES)[number] } {
  return { colour: SERIES_COLOURS[index % SERIES_COLOURS.length], shape: MARKER_SHAPES[index % MARKER_SHAPES.length] };
}

/** What a screen reader hears: what is plotted against what, then each group's size and centre. */
export function scatterSummary(props: Pick<ScatterChartProps, "title" | "x" | "y" | "groups" | "note" | "xs" | "ys">): string {
  const fx = props.x.format ?? tickText;
  const fy = props.y.format ?? tickText;
  const axis = (a: ScatterAxis) => `${a.label}${a.scale === "log" ? " (log scale)" : ""}`;
  const groups = props.groups.map((group) => {
    const size = group.count !== undefined ? ` ${group.count.toLocaleString("en-US")} items` : "";
    const centre = group.centre ? `, centre at ${props.x.label} ${fx(group.centre.x)}, ${props.y.label} ${fy(group.centre.y)}` : "";
    return `${group.name}${size ? `:${size}` : ""}${centre}`;
  });
  const note = props.note ? ` ${props.note}.` : "";
  return `${props.title}: ${axis(props.y)} against ${axis(props.x)}.${note} ${groups.join("; ")}.`;
}

export function ScatterChart(props: ScatterChartProps) {
  const { title, x, y, xs, ys, group, groups } = props;
  const styles = useStyles();
  const tx = x.scale === "log" ? symlog : (v: number) => v;
  const ty = y.scale === "log" ? symlog : (v: number) => v;
  const n = Math.min(xs.length, ys.length, group.length);
  let xLow = Infinity;
  let xHigh = -Infinity;
  let yLow = Infinity;
  let yHigh = -Infinity;
  for (let i = 0; i < n; i++) {
    if (!(Number.isFinite(xs[i]) && Number.isFinite(ys[i]))) continue;
    xLow = Math.min(xLow, xs[i]);
    xHigh = Math.max(xHigh, xs[i]);
    yLow = Math.min(yLow, ys[i]);
    yHigh = Math.max(yHigh, ys[i]);
  }
  if (xLow === Infinity) [xLow, xHigh, yLow, yHigh] = [0, 1, 0, 1];
  const xTicks = axisTicks(x.scale, xLow, xHigh);
  const yTicks = axisTicks(y.scale, yLow, yHigh);
  const domain = (low: number, high: number, ticks: number[], t: (v: number) => number): [number, number] => {
    const values = [low, high, ...ticks].map(t);
    let a = Math.min(...values);
    let b = Math.max(...values);
    if (a === b) [a, b] = [a - 1, b + 1];
    return [a, b];
  };
  const [x0, x1] = domain(xLow, xHigh, xTicks, tx);
  const [y0, y1] = domain(yLow, yHigh, yTicks, ty);
  const plotWidth = WIDTH - LEFT - RIGHT;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const px = (v: number) => LEFT + ((tx(v) - x0) / (x1 - x0)) * plotWidth;
  const py = (v: number) => TOP + plotHeight - ((ty(v) - y0) / (y1 - y0)) * plotHeight;
  const baseY = TOP + plotHeight;

  // One path per group: thousands of points stay a handful of DOM nodes.
  const paths = groups.map(() => [] as string[]);
  const drawn = groups.map(() => 0);
  for (let i = 0; i < n; i++) {
    const g = group[i];
    if (!(g >= 0 && g < groups.length) || !(Number.isFinite(xs[i]) && Number.isFinite(ys[i]))) continue;
    paths[g].push(markerPath(groupMarker(g).shape, px(xs[i]), py(ys[i]), 2.2));
    drawn[g]++;
  }

  return (
    <figure className={styles.figure}>
      <svg className={styles.svg} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={scatterSummary(props)} focusable="false">
        {xTicks.map((tick) => (
          <g key={`x${tick}`}>
            <line x1={px(tick)} x2={px(tick)} y1={TOP} y2={baseY} className={styles.grid} />
            <text x={px(tick)} y={baseY + 12} textAnchor="middle" className={styles.tick}>
              {tickText(tick)}
            </text>
          </g>
        ))}
        {yTicks.map((tick) => (
          <g key={`y${tick}`}>
            <line x1={LEFT} x2={WIDTH - RIGHT} y1={py(tick)} y2={py(tick)} className={styles.grid} />
            <text x={LEFT - 4} y={py(tick) + 3} textAnchor="end" className={styles.tick}>
              {tickText(tick)}
            </text>
          </g>
        ))}
        <line x1={LEFT} x2={WIDTH - RIGHT} y1={baseY} y2={baseY} className={styles.axis} />
        <line x1={LEFT} x2={LEFT} y1={TOP} y2={baseY} className={styles.axis} />
        <text x={LEFT + plotWidth / 2} y={HEIGHT - 4} textAnchor="middle" className={styles.axisLabel}>
          {x.scale === "log" ? `${x.label} (log scale)` : x.label}
        </text>
        <text x={10} y={TOP + plotHeight / 2} textAnchor="middle" transform={`rotate(-90 10 ${TOP + plotHeight / 2})`} className={styles.axisLabel}>
          {y.scale === "log" ? `${y.label} (log scale)` : y.label}
        </text>
        {groups.map((_, g) => {
          const { colour, shape } = groupMarker(g);
          return (
            <path
              key={`points${g}`}
              d={paths[g].join("")}
              data-group={g}
              data-points={drawn[g]}
              style={isStrokeShape(shape) ? { stroke: colour, strokeWidth: 1.2, fill: "none", opacity: 0.75 } : { fill: colour, opacity: 0.6 }}
            />
          );
        })}
        {groups.map((entry, g) => {
          if (!entry.centre || !(Number.isFinite(entry.centre.x) && Number.isFinite(entry.centre.y))) return null;
          const { colour, shape } = groupMarker(g);
          const cx = px(entry.centre.x);
          const cy = py(entry.centre.y);
          return (
            <g key={`centre${g}`} data-centre={g}>
              <path
                d={markerPath(shape, cx, cy, 6)}
                style={isStrokeShape(shape) ? { stroke: colour, strokeWidth: 3, fill: "none" } : { fill: colour, stroke: tokens.colorNeutralForeground1, strokeWidth: 1.5 }}
              />
              {entry.label && (
                <text x={cx + 8} y={cy - 6} className={styles.centreLabel}>
                  {entry.label}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <Caption1 as="p" className={styles.caption}>
        {title}
      </Caption1>
      <ul className={styles.legend} aria-label={`Legend of ${title}`}>
        {groups.map((entry, g) => {
          const { colour, shape } = groupMarker(g);
          return (
            <li key={`legend${g}`} className={styles.legendItem}>
              <svg className={styles.swatch} viewBox="0 0 12 12" aria-hidden="true">
                <path d={markerPath(shape, 6, 6, 4)} style={isStrokeShape(shape) ? { stroke: colour, strokeWidth: 2, fill: "none" } : { fill: colour }} />
              </svg>
              <Caption1>
                {entry.label ? `${entry.label} ` : ""}
                {entry.name}
                {entry.count !== undefined ? ` (${entry.count.toLocaleString("en-US")})` : ""}
              </Caption1>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}

/**
 * Business names for segments, from where each segment sits on each dimension: "High volume · stable ·
 * low margin", not "Cluster 3".
 *
 * A segment's position on a dimension is the percentile of its median item among all items (mid-rank,
 * so ties count half): the same scale for revenue in pounds, a coefficient of variation or a rank, and
 * not pulled by one extreme item the way a mean is. Positions map to five levels:
 * below 10% "very low", below 33⅓% "low", up to 66⅔% "mid", up to 90% "high", above "very high".
 *
 * The name lists the dimensions in their given order, leaving out mid levels (a name says what sets a
 * segment apart) and dimensions weighted 0. Dimensions whose name says what they measure get the
 * planner's word: recency (recent / lapsed), purchase frequency (frequent / occasional), variability
 * (stable / volatile), lead time (short / long lead time); any other reads "high <name>". A segment mid
 * on everything is "Mid-range on every dimension". When two segments would get the same name, the
 * dimension that separates them most is added ("lower margin" / "higher margin"), and failing that a
 * number.
 */

export type Level = "very low" | "low" | "mid" | "high" | "very high";

export function levelOf(position: number): Level {
  if (position < 0.1) return "very low";
  if (position < 1 / 3) return "low";
  if (position <= 2 / 3) return "mid";
  if (position <= 0.9) return "high";
  return "very high";
}

interface Vocabulary {
  pattern: RegExp;
  words: Record<Exclude<Level, "mid">, string>;
}

const VOCABULARIES: Vocabulary[] = [
  {
    pattern: /recen|days since|since last|last (order|purchase|invoice)|inactiv/,
    words: { "very low": "very recent", low: "recent", high: "lapsed", "very high": "long lapsed" },
  },
  {
    pattern: /freq|^orders?$|order count|number of orders|invoices|visits|purchases|transactions/,
    words: { "very low": "rare", low: "occasional", high: "frequent", "very high": "very frequent" },
  },
  {
    pattern: /(^|[^a-z])(cv|cov|xyz)([^a-z]|$)|cv$|variab|volatil|std|stdev|deviation|uncertain|erratic|coefficient of variation/,
    words: { "very low": "very stable", low: "stable", high: "volatile", "very high": "very volatile" },
  },
  {
    pattern: /lead ?time|delivery time|days to deliver/,
    words: { "very low": "very short lead time", low: "short lead time", high: "long lead time", "very high": "very long lead time" },
  },
];

/** "Revenue" reads "revenue" inside a name; "CV" or "ABC score" keep their capitals. */
function inSentence(name: string): string {
  // camelCase field names read as words ("orderLines" → "order lines"); acronyms stay ("demandCV").
  const words = name.replace(/([a-z0-9])([A-Z])(?=[a-z])/g, (_, before: string, capital: string) => `${before} ${capital.toLowerCase()}`);
  return /^[A-Z][^A-Z]*$/.test(words) ? words[0].toLowerCase() + words.slice(1) : words;
}

/** The words for one dimension at one level ("" for mid). */
export function describeLevel(dimension: string, level: Level): string {
  if (level === "mid") return "";
  const lower = dimension.toLowerCase();
  const vocabulary = VOCABULARIES.find((v) => v.pattern.test(lower));
  if (vocabulary) return vocabulary.words[level];
  return `${level} ${inSentence(dimension)}`;
}

function capitalise(text: string): string {
  return text.length === 0 ? text : text[0].toUpperCase() + text.slice(1);
}

/**
 * A name per segment from `positions[segment][dimension]` (percentiles, 0…1; NaN = unknown).
 * `named[t]` false leaves dimension t out of names (e.g. weight 0).
 */
export function nameSegments(dimensions: readonly string[], positions: readonly (readonly number[])[], named?: readonly boolean[]): string[] {
  const use = (t: number) => named === undefined || named[t] !== false;
  const names = positions.map((position) => {
    const parts: string[] = [];
    dimensions.forEach((dimension, t) => {
      if (!use(t) || !Number.isFinite(position[t])) return;
      const words = describeLevel(dimension, levelOf(position[t]));
      if (words) parts.push(words);
    });
    return parts.length === 0 ? "Mid-range on every dimension" : capitalise(parts.join(" · "));
  });

  const groups = new Map<string, number[]>();
  names.forEach((name, segment) => groups.set(name, [...(groups.get(name) ?? []), segment]));
  for (const [name, members] of groups) {
    if (members.length < 2) continue;
    // The dimension on which the look-alikes differ most.
    let widest = -1;
    let widestSpread = 0;
    dimensions.forEach((_, t) => {
      if (!use(t)) return;
      const values = members.map((s) => positions[s][t]).filter(Number.isFinite);
      if (values.length < members.length) return;
      const spread = Math.max(...values) - Math.min(...values);
      if (spread > widestSpread) {
        widestSpread = spread;
        widest = t;
      }
    });
    const ordered = members.slice().sort((a, b) => (widest < 0 ? a - b : positions[a][widest] - positions[b][widest]));
    ordered.forEach((segment, rank) => {
      if (widest >= 0 && members.length === 2) {
        names[segment] = `${name} · ${rank === 0 ? "lower" : "higher"} ${inSentence(dimensions[widest])}`;
      } else {
        names[segment] = `${name} (${rank + 1})`;
      }
    });
  }
  return names;
}

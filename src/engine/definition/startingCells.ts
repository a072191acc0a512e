/**
 * Which ABC-XYZ cell's starting policy a segment of any method takes (designDefaults.ts holds the
 * policies): its value class by where the median revenue of its items ranks among all placed items
 * (top third A, middle third B, bottom third C), its variability class by where their median
 * coefficient of variation ranks (lowest third X, middle Y, highest Z). The rule designClusters
 * states, for segments made by clusters on any dimensions or by rules.
 */
import { profileSegments } from "../cluster/profile";
import { invalidInput } from "../errors";
import type { ItemTable } from "../items/itemTable";

/** "A", "B" or "C" (or X/Y/Z) for a percentile: at or above ⅔ the first letter, at or above ⅓ the second. */
export function tierOf(position: number, letters: string): string {
  return position >= 2 / 3 ? letters[0] : position >= 1 / 3 ? letters[1] : letters[2];
}

/**
 * The cell ("AX" … "CZ") of each segment. `segmentIndex[i]` is item i's segment (−1 = none). A segment
 * without items, or without any revenue or CV, takes the lowest class on that side (C, Z): the
 * cautious starting point.
 */
export function startingCellsOf(table: ItemTable, segmentIndex: Int32Array, segmentCount: number): string[] {
  const revenue = table.numbers.get("revenue");
  const cv = table.numbers.get("demandcv");
  if (!revenue || !cv) throw invalidInput('starting policies need the items\' "revenue" and "demandCv" features');
  const n = table.ids.length;
  const values = new Float64Array(n * 2);
  for (let item = 0; item < n; item++) {
    values[item * 2] = revenue[item];
    values[item * 2 + 1] = cv[item];
  }
  const profile = profileSegments(values, n, 2, segmentIndex, segmentCount, { dimensions: ["revenue", "demandCv"] });
  return profile.segments.map((segment) => {
    const value = Number.isFinite(segment.position[0]) ? tierOf(segment.position[0], "ABC") : "C";
    const variability = Number.isFinite(segment.position[1]) ? tierOf(1 - segment.position[1], "XYZ") : "Z";
    return value + variability;
  });
}

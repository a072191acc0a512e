/**
 * The ABC × XYZ matrix: each item's ABC class (value) crossed with its XYZ class (variability), e.g.
 * "AX" = high value, steady demand. Cells are numbered row-major, ABC class first, so with the default
 * classes the labels run AX, AY, AZ, BX, …, CZ; any number of classes on either side works the same way.
 * An item unclassified on either side (missing value, too little history) is unclassified here (−1).
 */
import { invalidInput } from "../errors";
import type { AbcResult } from "./abc";
import type { XyzResult } from "./xyz";

export interface AbcXyzMatrix {
  /** Cell names, ABC label followed by XYZ label, row-major (ABC class × number of XYZ classes + XYZ class). */
  labels: string[];
  /** Per item: index into `labels`; −1 if either classification left the item unclassified. */
  classIndex: Int32Array;
  /** Items per cell, row-major abcClasses × xyzClasses. */
  counts: Int32Array;
}

/** Cross an ABC and an XYZ result computed for the same items in the same order. */
export function crossAbcXyz(abc: AbcResult, xyz: XyzResult): AbcXyzMatrix {
  const itemCount = abc.classIndex.length;
  if (xyz.classIndex.length !== itemCount) {
    throw invalidInput(
      `the ABC and XYZ results must cover the same items in the same order; got ${itemCount} ABC items and ${xyz.classIndex.length} XYZ items`,
    );
  }
  const xyzClasses = xyz.labels.length;
  const labels: string[] = [];
  for (const abcLabel of abc.labels) {
    for (const xyzLabel of xyz.labels) labels.push(abcLabel + xyzLabel);
  }

  const classIndex = new Int32Array(itemCount);
  const counts = new Int32Array(labels.length);
  for (let item = 0; item < itemCount; item++) {
    const abcClass = abc.classIndex[item];
    const xyzClass = xyz.classIndex[item];
    if (abcClass < 0 || xyzClass < 0) {
      classIndex[item] = -1;
      continue;
    }
    const cell = abcClass * xyzClasses + xyzClass;
    classIndex[item] = cell;
    counts[cell]++;
  }
  return { labels, classIndex, counts };
}

/* eslint-disable @typescript-eslint/no-explicit-any -- Excel's argument types, as custom-functions-metadata reads them */
/** SEGMENT.CLUSTER, KSELECT and PROFILE: data-driven segments from several dimensions at once. */
import { cluster as clusterCells, kselect as kselectCells, profile as profileCells } from "./cluster";

/**
 * Groups items into k segments on several dimensions at once (k-means with k-means++ starts, 10 restarts, the lowest within-segment spread wins). Same seed, same segments.
 * @customfunction CLUSTER
 * @param features Items down, dimensions across (e.g. revenue, order lines, margin, demand CV). An optional first row of text headers names the dimensions. A row with a blank, text or error cell is left out and shows why.
 * @param k Number of segments to make, e.g. 4 (SEGMENT.KSELECT helps choose).
 * @param [weights] One weight per dimension, e.g. {1,1,2} to count the third dimension double (default 1 each; 0 ignores a dimension).
 * @param [seed] Whole number that fixes the random starts (default 0): the same seed always gives the same segments.
 * @param [scaling] How dimensions are put on one scale: "zscore" (default, mean and standard deviation), "robust" (median and IQR), "minmax" (0 to 1) or "none". Values beyond 3 IQR from the quartiles are clipped for the distances.
 * @returns One segment number per row (1 = the largest segment), under a "segment" header when features has headers.
 */
export function cluster(features: any[][], k: any[][], weights?: any[][], seed?: any[][], scaling?: any[][]): any[][] {
  return clusterCells(features, k, weights ?? null, seed ?? null, scaling ?? null);
}

/**
 * Helps choose the number of segments: for each k (4 random starts each), the within-segment spread (inertia, for the elbow), the mean silhouette, the share of spread the k-th segment explains, the agreement between random starts, and a recommended k with the reason.
 * @customfunction KSELECT
 * @param features Items down, dimensions across, as for SEGMENT.CLUSTER (z-score scaling, weights 1).
 * @param [kMin] Smallest number of segments to try (default 2).
 * @param [kMax] Largest number of segments to try (default 8, at most the number of items − 1).
 * @returns A table with a header row: k, inertia, silhouette, marginal gain, stability, recommendation.
 */
export function kselect(features: any[][], kMin?: any[][], kMax?: any[][]): any[][] {
  return kselectCells(features, kMin ?? null, kMax ?? null);
}

/**
 * Describes each segment in business terms: a suggested name (such as "High revenue · frequent · low margin"), its number of items, share of items, share of revenue and the mean of each dimension in its own units.
 * @customfunction PROFILE
 * @param features Items down, dimensions across, with a header row naming the dimensions (the names drive the segment names; a column named like revenue, sales or monetary gives the share of revenue).
 * @param segments One segment per row of features, e.g. the column SEGMENT.CLUSTER spilled; rows with a blank or error segment are left out.
 * @returns A table with a header row: segment, name, items, share of items, share of revenue, then the mean of each dimension.
 */
export function profile(features: any[][], segments: any[][]): any[][] {
  return profileCells(features, segments);
}

/**
 * Hierarchical clustering by Ward's method (J. H. Ward, "Hierarchical grouping to optimize an
 * objective function", JASA 58(301):236–244, 1963) for small sets — a few hundred stores, suppliers or
 * product families — where a user wants to see how segments nest (a dendrogram) rather than one flat
 * cut. Each merge joins the two groups whose union raises the within-group sum of squares least.
 *
 * The merging is ml-hclust's AGNES with the "ward2" update: Lance–Williams on Euclidean distances in
 * the form of R's ward.D2 and SciPy's `linkage(method="ward")`, so merge heights are comparable with
 * SciPy's. AGNES costs O(n³) time and O(n²) memory (about 1 s for 500 items here), hence the limit.
 */
import { agnes, type Cluster } from "ml-hclust";
import { invalidInput, outOfRange } from "../errors";

/** Most items Ward clustering accepts (about a second of work); use k-means beyond. */
export const MAX_WARD_ITEMS = 600;

/** One merge, numbered as SciPy's linkage matrix: leaves 0 … n − 1, the merge made at step s is n + s. */
export interface WardMerge {
  left: number;
  right: number;
  /** Ward distance at which the two groups merge (never decreases from one merge to the next). */
  height: number;
  /** Items in the merged group. */
  size: number;
}

export interface WardResult {
  /** Segment of each item, 0 … k − 1, largest first (ties: the segment holding the lower item first). */
  labels: Int32Array;
  sizes: Int32Array;
  /** The n − 1 merges, lowest first: enough to draw the dendrogram. */
  merges: WardMerge[];
  /** Items in dendrogram order (leaves left to right, no crossing branches). */
  order: Int32Array;
}

/** Ward clustering of prepared items (itemCount × dimensionCount, row-major), cut into k segments. */
export function wardClustering(values: Float64Array, itemCount: number, dimensionCount: number, k: number): WardResult {
  const n = itemCount;
  const d = dimensionCount;
  if (!(values instanceof Float64Array) || values.length !== n * d || n < 1 || d < 1) {
    throw invalidInput(`expected ${itemCount} items × ${dimensionCount} dimensions as a Float64Array`);
  }
  if (n > MAX_WARD_ITEMS) {
    throw outOfRange(`Ward clustering is for small sets (at most ${MAX_WARD_ITEMS} items; got ${n}): use k-means for more`);
  }
  if (!Number.isInteger(k) || k < 1 || k > n) throw outOfRange(`k must be a whole number from 1 to ${n}; got ${k}`);
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) throw invalidInput(`item ${Math.floor(i / d) + 1} holds ${values[i]}; Ward clustering needs finite numbers`);
  }
  if (n === 1) return { labels: new Int32Array(1), sizes: Int32Array.of(1), merges: [], order: Int32Array.of(0) };

  const rows = Array.from({ length: n }, (_, i) => Array.from(values.subarray(i * d, (i + 1) * d)));
  const tree = agnes(rows, { method: "ward2" });

  const groups = tree.group(k).children.map((child: Cluster) => child.indices());
  groups.sort((a: number[], b: number[]) => b.length - a.length || Math.min(...a) - Math.min(...b));
  const labels = new Int32Array(n);
  const sizes = new Int32Array(k);
  groups.forEach((members: number[], segment: number) => {
    sizes[segment] = members.length;
    for (const item of members) labels[item] = segment;
  });
  return { labels, sizes, merges: mergesOf(tree, n), order: Int32Array.from(tree.indices()) };
}

/** The tree's internal nodes as SciPy-style merges, lowest first (ties: deeper first, so children precede parents). */
function mergesOf(tree: Cluster, n: number): WardMerge[] {
  const internal: { node: Cluster; depth: number }[] = [];
  const visit = (node: Cluster, depth: number) => {
    if (node.isLeaf) return;
    internal.push({ node, depth });
    for (const child of node.children) visit(child, depth + 1);
  };
  visit(tree, 0);
  internal.sort((a, b) => a.node.height - b.node.height || b.depth - a.depth);
  const idOf = new Map<Cluster, number>();
  const id = (node: Cluster) => (node.isLeaf ? node.index : (idOf.get(node) as number));
  return internal.map(({ node }, step) => {
    idOf.set(node, n + step);
    const [left, right] = node.children.map(id).sort((a, b) => a - b);
    return { left, right, height: node.height, size: node.size };
  });
}

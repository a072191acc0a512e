/** The functions a planner can type, with a worked example each: what the task pane lists. */
export interface FunctionEntry {
  name: string;
  signature: string;
  summary: string;
  example: string;
  exampleResult: string;
}

export const FUNCTION_CATALOG: readonly FunctionEntry[] = [
  {
    name: "SEGMENT.ABC",
    signature: "=SEGMENT.ABC(values, [cutoffs], [labels])",
    summary: "Pareto classes by cumulative share of revenue, volume, margin or order lines.",
    example: "=SEGMENT.ABC(D2:D4071)",
    exampleResult: "Spills A, B or C next to each SKU; A items make the first 80% of revenue.",
  },
  {
    name: "SEGMENT.XYZ",
    signature: "=SEGMENT.XYZ(history, [cutoffs], [labels], [minPeriods])",
    summary: "Demand variability classes from the coefficient of variation over periods.",
    example: "=SEGMENT.XYZ(E2:P4071)",
    exampleResult: "X when CV ≤ 0.5, Y when ≤ 1.0, Z above; #N/A for items without demand.",
  },
  {
    name: "SEGMENT.DEMANDPATTERN",
    signature: "=SEGMENT.DEMANDPATTERN(history, [adiCutoff], [cv2Cutoff])",
    summary: "Syntetos-Boylan demand patterns from ADI and CV² of non-zero demand.",
    example: "=SEGMENT.DEMANDPATTERN(B2:AZ2675)",
    exampleResult: "smooth, erratic, intermittent or lumpy per part.",
  },
  {
    name: "SEGMENT.ABCXYZ",
    signature: "=SEGMENT.ABCXYZ(values, history, [abcCutoffs], [xyzCutoffs])",
    summary: "The nine-class ABC-XYZ matrix in one call.",
    example: "=SEGMENT.ABCXYZ(D2:D4071, E2:P4071)",
    exampleResult: "AX, AY, ... CZ per SKU.",
  },
  {
    name: "SEGMENT.CLUSTER",
    signature: "=SEGMENT.CLUSTER(features, k, [weights], [seed], [scaling])",
    summary: "k-means segments on several dimensions at once (k-means++, 10 restarts); the same seed gives the same segments.",
    example: "=SEGMENT.CLUSTER(B1:D4339, 4, {1,1,2})",
    exampleResult: "Spills a segment number (1 = largest) per customer; #N/A with the reason for rows left out.",
  },
  {
    name: "SEGMENT.KSELECT",
    signature: "=SEGMENT.KSELECT(features, [kMin], [kMax])",
    summary: "Helps choose k: inertia, silhouette, marginal gain and stability for each k, with a recommendation.",
    example: "=SEGMENT.KSELECT(B1:D4339, 2, 8)",
    exampleResult: "A table of k = 2 … 8 and the recommended k with its reason.",
  },
  {
    name: "SEGMENT.PROFILE",
    signature: "=SEGMENT.PROFILE(features, segments)",
    summary: "Each segment's size, share of revenue and means in original units, with a suggested business name.",
    example: "=SEGMENT.PROFILE(B1:D4339, F2:F4339)",
    exampleResult: "“High revenue · frequent · recent”, 412 items, 61% of revenue, ...",
  },
  {
    name: "SEGMENT.SAFETYSTOCK",
    signature:
      "=SEGMENT.SAFETYSTOCK(serviceLevel, demandMean, demandStdDev, leadTime, [leadTimeStdDev], [reviewPeriod], [serviceType], [orderQuantity])",
    summary: "Safety stock for a cycle service level or a fill rate, with lead-time variability and periodic review.",
    example: "=SEGMENT.SAFETYSTOCK(0.9, 2500, 500, 2)",
    exampleResult: "906.2 units (weekly demand 2,500 ± 500, two-week lead time, 90% cycle service level).",
  },
  {
    name: "SEGMENT.REORDERPOINT",
    signature:
      "=SEGMENT.REORDERPOINT(serviceLevel, demandMean, demandStdDev, leadTime, [leadTimeStdDev], [reviewPeriod], [serviceType], [orderQuantity])",
    summary: "Demand over the lead time (plus review period) plus safety stock: the order-up-to level under periodic review.",
    example: "=SEGMENT.REORDERPOINT(0.9, 2500, 500, 2)",
    exampleResult: "5,906.2 units.",
  },
  {
    name: "SEGMENT.FILLRATE",
    signature: "=SEGMENT.FILLRATE(safetyStock, demandMean, demandStdDev, leadTime, orderQuantity, [leadTimeStdDev])",
    summary: "The expected share of demand met from stock that a safety stock gives.",
    example: "=SEGMENT.FILLRATE(1000, 2500, 500, 2, 10000)",
    exampleResult: "0.9975 (about 99.75% of demand filled from stock).",
  },
  {
    name: "SEGMENT.EOQ",
    signature: "=SEGMENT.EOQ(annualDemand, orderCost, annualHoldingCostPerUnit)",
    summary: "Economic order quantity (Harris).",
    example: "=SEGMENT.EOQ(12000, 4000, 100)",
    exampleResult: "979.8 units per order.",
  },
  {
    name: "SEGMENT.ASSIGN",
    signature: "=SEGMENT.ASSIGN(definition, features...)",
    summary: "The segment of each item by a saved segment definition (fallback rules, matrix or rules, overrides).",
    example: "=SEGMENT.ASSIGN(SegDef_Retail, D2:D4058, E2:E4058, F2:F4058)",
    exampleResult: "Spills AX, BY, ... next to each SKU; #N/A with the reason where the definition gives none.",
  },
  {
    name: "SEGMENT.EXPLAIN",
    signature: "=SEGMENT.EXPLAIN(definition, features...)",
    summary: "Why each item is in its segment, in words.",
    example: "=SEGMENT.EXPLAIN(SegDef_Retail, D2:F4058)",
    exampleResult: "revenue 12,340 ≥ A threshold 9,870 (80% cumulative share at design, rank 212 of 4,070) → A; ...",
  },
  {
    name: "SEGMENT.POLICY",
    signature: "=SEGMENT.POLICY(definition, segment, field)",
    summary: "A segment's policy field: service level, review period, lead times, transport, forecasting, MOQ, price tier, targets.",
    example: "=SEGMENT.POLICY(SegDef_Retail, G2#, \"serviceLevel\")",
    exampleResult: "0.98 for AX, 0.95 for BY, ... one per assigned segment.",
  },
];

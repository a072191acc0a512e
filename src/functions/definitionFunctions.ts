/* eslint-disable @typescript-eslint/no-explicit-any -- Excel's argument types, as custom-functions-metadata reads them */
/** SEGMENT.ASSIGN, EXPLAIN and POLICY: segment definitions in cells. */
import { assignCells, explainCells, policyCells } from "./segmentCells";

/**
 * The segment of each item by a segment definition: fallback rules, then the method (matrix of classes or ordered rules), then manual overrides. Spills one segment per row; a row the definition gives no segment is #N/A with the reason.
 * @customfunction ASSIGN
 * @param definition The range holding the definition's JSON (one or more cells, in reading order), or a definition name from the task pane.
 * @param features One column per dimension in the definition's order, or columns headed with dimension names (and "item" for overrides).
 * @returns One segment id per item.
 */
export function assign(definition: any[][], ...features: any[][][]): any[][] {
  return assignCells(definition, features);
}

/**
 * Why each item is in its segment, in words: the classes, thresholds and rules that decided it ("revenue 12,340 ≥ A threshold 9,870 ...; demandCv 0.42 ≤ 0.5 → X; cell AX → AX").
 * @customfunction EXPLAIN
 * @param definition The range holding the definition's JSON (one or more cells, in reading order), or a definition name from the task pane.
 * @param features One column per dimension in the definition's order, or columns headed with dimension names (and "item" for overrides).
 * @returns One explanation per item.
 */
export function explain(definition: any[][], ...features: any[][][]): any[][] {
  return explainCells(definition, features);
}

/**
 * A policy field of a segment: serviceLevel, serviceType, safetyStockMethod, reviewPeriodDays, leadTimeDays, promisedLeadTimeDays, transportMode, forecastingMethod, moq, priceTier, a KPI target such as fillRateTarget, or name and description.
 * @customfunction POLICY
 * @param definition The range holding the definition's JSON (one or more cells, in reading order), or a definition name from the task pane.
 * @param segment A segment id, or a column of them (e.g. the spill of SEGMENT.ASSIGN).
 * @param field A field name, or a row of them to spill a table (segments down, fields across).
 * @returns The field's value for each segment.
 */
export function policy(definition: any[][], segment: any[][], field: any[][]): any[][] {
  return policyCells(definition, segment, field);
}

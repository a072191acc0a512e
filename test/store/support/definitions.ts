/**
 * Definition fixtures, built through the engine's schema (parseDefinition), so the store's tests
 * follow the schema as it evolves: if the schema changes, this helper fails first and says why.
 */
import { parseDefinition, SegmentDefinitionInput } from "../../../src/engine/definition/schema";

export const ABC_XYZ_SEGMENTS = ["AX", "AY", "AZ", "BX", "BY", "BZ", "CX", "CY", "CZ"] as const;

export interface FixtureOptions {
  id: string;
  businessUnit?: string;
  name?: string;
  /** Service level of the A segments; vary it to make a different draft. */
  serviceLevelA?: number;
}

/** A small ABC (revenue) × XYZ (demand CV) definition with nine segments, valid by the engine's schema. */
export function abcXyzDefinition(options: FixtureOptions): SegmentDefinitionInput {
  const serviceLevel = (segment: string) => (segment.startsWith("A") ? (options.serviceLevelA ?? 0.98) : segment.startsWith("B") ? 0.95 : 0.9);
  const document: SegmentDefinitionInput = {
    schemaVersion: 1,
    id: options.id,
    name: options.name ?? `ABC-XYZ ${options.id}`,
    version: 1,
    scope: { entity: "product", ...(options.businessUnit ? { businessUnit: options.businessUnit } : {}) },
    history: { period: "month" },
    dimensions: [
      { name: "revenue", unit: "EUR" },
      { name: "demandCv" },
    ],
    method: {
      type: "matrix",
      classifications: [
        { kind: "abc", dimension: "revenue", cutoffs: [0.8, 0.95], labels: ["A", "B", "C"] },
        { kind: "xyz", dimension: "demandCv", cutoffs: [0.5, 1], labels: ["X", "Y", "Z"] },
      ],
    },
    segments: ABC_XYZ_SEGMENTS.map((segment) => ({
      id: segment,
      name: `${segment} items`,
      description: `ABC class ${segment[0]}, XYZ class ${segment[1]}`,
      policy: {
        serviceLevel: serviceLevel(segment),
        serviceType: "cycle" as const,
        safetyStockMethod: "statistical" as const,
        reviewPeriodDays: 7,
        leadTimeDays: 14,
        promisedLeadTimeDays: 3,
        transportMode: "road",
        forecastingMethod: segment.endsWith("Z") ? "croston" : "exponential smoothing",
        priceTier: "standard",
      },
    })),
    provenance: {
      dataSource: "test fixture",
      rowCount: 100,
      itemCount: 10,
      author: "fixture",
      createdAt: "2025-01-15T09:00:00Z",
    },
  };
  parseDefinition(document); // throws with the schema's own message if the fixture no longer fits
  return document;
}

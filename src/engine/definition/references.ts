/**
 * The checks a field-by-field schema cannot make: every segment, dimension and cell a definition
 * names must exist, names must be unique, and a classification must read a numeric dimension.
 * Each problem is reported at the path of the reference, so the message points at what to fix.
 */
import type { z } from "zod";
import { listForMessage } from "./format";
import { type Classification, classificationDimensions, type MatrixMethod, matrixCellNames, type Method } from "./methodSchema";
import type { Condition, NamedRule, NamedSegment } from "./schemaPrimitives";

/** The parts of a definition these checks read (structural, to keep schema.ts free of a cycle). */
export interface ReferencedDefinition {
  dimensions: { name: string; kind: "number" | "text" }[];
  method: Method;
  segments: { id: string }[];
  fallback: { rules: NamedRule[]; unclassified?: NamedSegment };
  overrides: { item: string; segment: string }[];
}

type Path = (string | number)[];
const NUMERIC_OPERATORS = new Set(["<", "<=", ">", ">=", "between"]);

export function checkReferences(definition: ReferencedDefinition, context: z.RefinementCtx): void {
  const fail = (path: Path, message: string) => context.addIssue({ code: "custom", path, message });

  const segmentIds = new Set<string>();
  definition.segments.forEach((segment, k) => {
    if (segmentIds.has(segment.id)) fail(["segments", k, "id"], `"${segment.id}" is used by two segments; ids must be unique`);
    segmentIds.add(segment.id);
  });
  const known = [...segmentIds];
  const checkSegment = (id: string, path: Path) => {
    if (!segmentIds.has(id)) fail(path, `names segment "${id}", which the definition does not have (segments: ${listForMessage(known)})`);
  };

  const dimensionKinds = new Map<string, "number" | "text">();
  definition.dimensions.forEach((dimension, k) => {
    const key = dimension.name.toLowerCase();
    if (dimensionKinds.has(key)) fail(["dimensions", k, "name"], `"${dimension.name}" is declared twice (names ignore case)`);
    dimensionKinds.set(key, dimension.kind);
  });
  const dimensionNames = definition.dimensions.map((d) => d.name);
  const checkDimension = (name: string, path: Path, numeric: boolean) => {
    const kind = dimensionKinds.get(name.toLowerCase());
    if (kind === undefined) {
      fail(path, `names dimension "${name}", which is not declared in dimensions (${listForMessage(dimensionNames)})`);
    } else if (numeric && kind !== "number") {
      fail(path, `dimension "${name}" is text; this needs a number dimension`);
    }
  };
  const checkConditions = (conditions: Condition[], path: Path) => {
    conditions.forEach((condition, k) => {
      checkDimension(condition.field, [...path, k, "field"], NUMERIC_OPERATORS.has(condition.op));
    });
  };

  const method = definition.method;
  if (method.type === "matrix") {
    checkMatrix(method, checkDimension, checkSegment, segmentIds, fail);
  } else if (method.type === "clusters") {
    const dimensions = method.model.dimensions;
    if (Array.isArray(dimensions)) {
      dimensions.forEach((name, k) => {
        if (typeof name === "string") checkDimension(name, ["method", "model", "dimensions", k], true);
      });
    }
    method.segments.forEach((segment, k) => checkSegment(segment, ["method", "segments", k]));
  } else {
    method.rules.forEach((rule, k) => {
      checkConditions(rule.when, ["method", "rules", k, "when"]);
      checkSegment(rule.segment, ["method", "rules", k, "segment"]);
    });
    checkSegment(method.default.segment, ["method", "default", "segment"]);
  }

  definition.fallback.rules.forEach((rule, k) => {
    checkConditions(rule.when, ["fallback", "rules", k, "when"]);
    checkSegment(rule.segment, ["fallback", "rules", k, "segment"]);
  });
  if (definition.fallback.unclassified) checkSegment(definition.fallback.unclassified.segment, ["fallback", "unclassified", "segment"]);

  const overridden = new Set<string>();
  definition.overrides.forEach((override, k) => {
    if (overridden.has(override.item)) fail(["overrides", k, "item"], `item "${override.item}" is overridden twice; keep one override per item`);
    overridden.add(override.item);
    checkSegment(override.segment, ["overrides", k, "segment"]);
  });
}

function checkMatrix(
  method: MatrixMethod,
  checkDimension: (name: string, path: Path, numeric: boolean) => void,
  checkSegment: (id: string, path: Path) => void,
  segmentIds: Set<string>,
  fail: (path: Path, message: string) => void,
): void {
  method.classifications.forEach((classification: Classification, k) => {
    const path = ["method", "classifications", k];
    if (classification.kind === "demandPattern") {
      checkDimension(classification.adiDimension, [...path, "adiDimension"], true);
      checkDimension(classification.cv2Dimension, [...path, "cv2Dimension"], true);
    } else {
      for (const name of classificationDimensions(classification)) checkDimension(name, [...path, "dimension"], true);
    }
  });
  const cells = matrixCellNames(method);
  if (new Set(cells).size !== cells.length) {
    fail(["method", "separator"], `cell names collide (${listForMessage(cells)}); set a separator such as "-"`);
    return;
  }
  if (method.cells === undefined) {
    const missing = cells.filter((cell) => !segmentIds.has(cell));
    if (missing.length > 0) {
      fail(
        ["method", "cells"],
        `is omitted, so every matrix cell must be a segment id, but ${listForMessage(missing)} ${missing.length === 1 ? "is" : "are"} not; add segments or map cells to segments`,
      );
    }
    return;
  }
  const mapped = method.cells;
  for (const cell of cells) {
    if (!(cell in mapped)) fail(["method", "cells"], `has no segment for cell "${cell}" (every cell needs one: ${listForMessage(cells)})`);
  }
  for (const [cell, segment] of Object.entries(mapped)) {
    if (!cells.includes(cell)) fail(["method", "cells", cell], `is not a cell of this matrix (cells: ${listForMessage(cells)})`);
    else checkSegment(segment, ["method", "cells", cell]);
  }
}

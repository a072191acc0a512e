/**
 * The difference between two JSON documents as a list of changes with JSON-pointer paths, for the
 * version history. Arrays whose elements are all objects with a string `id` (segments) are matched
 * by id, so moving a segment shows as nothing and renaming one shows at /segments/AX/name; other
 * arrays are compared by position.
 */
export interface Change {
  path: string;
  op: "add" | "remove" | "replace";
  before?: unknown;
  after?: unknown;
}

const escape = (key: string) => key.replace(/~/g, "~0").replace(/\//g, "~1");

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function keyedById(list: unknown[]): Map<string, unknown> | null {
  const map = new Map<string, unknown>();
  for (const element of list) {
    if (!isRecord(element) || typeof element.id !== "string" || map.has(element.id)) return null;
    map.set(element.id, element);
  }
  return map;
}

export function diffDocuments(before: unknown, after: unknown, path = ""): Change[] {
  if (Object.is(before, after)) return [];
  if (Array.isArray(before) && Array.isArray(after)) {
    const beforeById = keyedById(before);
    const afterById = keyedById(after);
    const changes: Change[] = [];
    if (beforeById && afterById && before.length + after.length > 0) {
      for (const [id, element] of beforeById) {
        const at = `${path}/${escape(id)}`;
        changes.push(...(afterById.has(id) ? diffDocuments(element, afterById.get(id), at) : [{ path: at, op: "remove" as const, before: element }]));
      }
      for (const [id, element] of afterById) {
        if (!beforeById.has(id)) changes.push({ path: `${path}/${escape(id)}`, op: "add", after: element });
      }
      return changes;
    }
    const shared = Math.min(before.length, after.length);
    for (let i = 0; i < shared; i++) changes.push(...diffDocuments(before[i], after[i], `${path}/${i}`));
    for (let i = shared; i < before.length; i++) changes.push({ path: `${path}/${i}`, op: "remove", before: before[i] });
    for (let i = shared; i < after.length; i++) changes.push({ path: `${path}/${i}`, op: "add", after: after[i] });
    return changes;
  }
  if (isRecord(before) && isRecord(after)) {
    const changes: Change[] = [];
    for (const key of Object.keys(before).sort()) {
      const at = `${path}/${escape(key)}`;
      changes.push(...(key in after ? diffDocuments(before[key], after[key], at) : [{ path: at, op: "remove" as const, before: before[key] }]));
    }
    for (const key of Object.keys(after).sort()) {
      if (!(key in before)) changes.push({ path: `${path}/${escape(key)}`, op: "add", after: after[key] });
    }
    return changes;
  }
  return [{ path: path || "/", op: "replace", before, after }];
}

// A small JSONPath subset for checks: `$`, `.field`, `["key"]`, `['key']`, `[n]` (negative counts from the
// end) and `[*]`. A path may omit the leading `$` (`.status.phase`). Any `[*]` makes the result an array.

/** One step of a parsed path. */
export type JsonPathSegment =
  | { kind: "field"; name: string }
  | { kind: "index"; index: number }
  | { kind: "wildcard" };

/** The value found at a path, or where the walk stopped. */
export type JsonPathResult = { found: true; value: unknown } | { found: false; reason: string };

const FIELD = /^[A-Za-z_$][\w$-]*/;

// The segments of a path; throws an Error naming the position of a syntax error.
export function parseJsonPath(path: string): JsonPathSegment[] {
  let rest = path.trim();
  if (rest.startsWith("$")) rest = rest.slice(1);
  const segments: JsonPathSegment[] = [];
  while (rest !== "") {
    const consumed = path.length - rest.length;
    const parsed = parseSegment(rest);
    if (parsed === undefined) throw new Error(`invalid JSON path ${JSON.stringify(path)} at character ${consumed + 1}`);
    segments.push(parsed.segment);
    rest = parsed.rest;
  }
  return segments;
}

function parseSegment(rest: string): { segment: JsonPathSegment; rest: string } | undefined {
  if (rest.startsWith(".")) {
    if (rest.startsWith(".*")) return { segment: { kind: "wildcard" }, rest: rest.slice(2) };
    const name = FIELD.exec(rest.slice(1))?.[0];
    return name === undefined ? undefined : { segment: { kind: "field", name }, rest: rest.slice(1 + name.length) };
  }
  const bracket = /^\[\s*(\*|-?\d+|"(?:[^"\\]|\\.)*"|'[^']*')\s*\]/.exec(rest);
  const inner = bracket?.[1];
  if (bracket === null || inner === undefined) return undefined;
  const after = rest.slice(bracket[0].length);
  if (inner === "*") return { segment: { kind: "wildcard" }, rest: after };
  if (inner.startsWith('"')) return { segment: { kind: "field", name: JSON.parse(inner) as string }, rest: after };
  if (inner.startsWith("'")) return { segment: { kind: "field", name: inner.slice(1, -1) }, rest: after };
  return { segment: { kind: "index", index: Number(inner) }, rest: after };
}

// The value at `path` inside `root`; with `[*]` every match, in order, as an array.
export function selectJsonPath(root: unknown, path: string): JsonPathResult {
  const segments = parseJsonPath(path);
  const spread = segments.some((segment) => segment.kind === "wildcard");
  let current: unknown[] = [root];
  let walked = "$";
  for (const segment of segments) {
    const next: unknown[] = [];
    for (const value of current) {
      const children = stepInto(value, segment);
      if (children === undefined && !spread) return { found: false, reason: `${walked} ${describeMiss(value, segment)}` };
      if (children !== undefined) next.push(...children);
    }
    current = next;
    walked += formatSegment(segment);
  }
  return spread ? { found: true, value: current } : { found: true, value: current[0] };
}

// The text a matcher sees for a JSON value: strings as they are, anything else as compact JSON.
export function stringifyJsonValue(value: unknown): string {
  if (typeof value === "string") return value;
  return JSON.stringify(value) ?? "undefined";
}

function stepInto(value: unknown, segment: JsonPathSegment): unknown[] | undefined {
  if (segment.kind === "wildcard") {
    if (Array.isArray(value)) return value;
    if (isRecord(value)) return Object.values(value);
    return undefined;
  }
  if (segment.kind === "index") {
    if (!Array.isArray(value)) return undefined;
    const index = segment.index < 0 ? value.length + segment.index : segment.index;
    return index >= 0 && index < value.length ? [value[index]] : undefined;
  }
  if (!isRecord(value) || !Object.hasOwn(value, segment.name)) return undefined;
  return [value[segment.name]];
}

function describeMiss(value: unknown, segment: JsonPathSegment): string {
  if (segment.kind === "index") {
    return Array.isArray(value) ? `has ${value.length} items, no index ${segment.index}` : `is not an array`;
  }
  if (segment.kind === "wildcard") return "is neither an array nor an object";
  return isRecord(value) ? `has no field ${JSON.stringify(segment.name)}` : `is not an object`;
}

function formatSegment(segment: JsonPathSegment): string {
  if (segment.kind === "wildcard") return "[*]";
  if (segment.kind === "index") return `[${segment.index}]`;
  return FIELD.exec(segment.name)?.[0] === segment.name ? `.${segment.name}` : `[${JSON.stringify(segment.name)}]`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

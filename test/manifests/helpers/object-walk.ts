// Small typed accessors for plain manifest objects in tests.

export type Json = Record<string, unknown>;

// The value at a dotted path, or undefined when any step is missing.
export function at(object: unknown, path: string): unknown {
  let current: unknown = object;
  for (const key of path.split(".")) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Json)[key];
  }
  return current;
}

// The value at a path as a list (empty when absent).
export function listAt(object: unknown, path: string): Json[] {
  const value = at(object, path);
  return Array.isArray(value) ? (value as Json[]) : [];
}

// The value at a path as a string map (empty when absent).
export function labelsAt(object: unknown, path: string): Record<string, string> {
  const value = at(object, path);
  return value !== null && typeof value === "object" ? (value as Record<string, string>) : {};
}

// The pod template spec of a workload (Deployment) or the spec of a Pod; undefined for other kinds.
export function podSpecOf(object: Json): Json | undefined {
  if (object["kind"] === "Pod") return at(object, "spec") as Json | undefined;
  if (object["kind"] === "Deployment") return at(object, "spec.template.spec") as Json | undefined;
  return undefined;
}

// The labels the pods of a workload carry.
export function podLabelsOf(object: Json): Record<string, string> {
  return object["kind"] === "Pod" ? labelsAt(object, "metadata.labels") : labelsAt(object, "spec.template.metadata.labels");
}

// True when every key/value of subset is in labels.
export function labelsMatch(subset: Record<string, string>, labels: Record<string, string>): boolean {
  return Object.entries(subset).every(([k, v]) => labels[k] === v);
}

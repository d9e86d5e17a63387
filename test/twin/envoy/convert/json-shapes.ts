// Envoy config as istioctl prints it (`proxy-config ... -o json`: protobuf JSON, camelCase), read loosely.

export type Json = Record<string, unknown>;

export const isRecord = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);
export const recordOf = (value: unknown): Json => (isRecord(value) ? value : {});
export const listOf = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isRecord) : []);
export const stringOf = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);

// A deep copy where `visit` may replace any object (returning undefined keeps it and descends into it).
export function mapObjects(value: unknown, visit: (object: Json) => unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => mapObjects(item, visit));
  if (!isRecord(value)) return value;
  const replaced = visit(value);
  if (replaced !== undefined) return replaced;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mapObjects(item, visit)]));
}

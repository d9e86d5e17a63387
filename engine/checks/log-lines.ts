// Helpers for log checks: which lines were written after a moment. Lines carry a timestamp when they are
// Envoy access logs (`[2025-04-19T09:55:34.851Z] ...`), Envoy/istiod logs or `kubectl logs --timestamps`
// (a leading RFC 3339 time), Flagger's JSON (`"ts":"..."`), or stern output (a pod prefix before them).
// Lines without one (catalog's morgan lines, multi-line messages) take the time of the line above.

export { parseEnvoyAccessLog, type EnvoyAccessLogEntry } from "./envoy-access-log.js";

// An RFC 3339 time within the first characters of a line (after a stern prefix, inside `[...]` or "ts").
const TIMESTAMP = /(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2}))/;
const SEARCH_WIDTH = 100;

// The time a log line carries, if any.
export function lineTimestamp(line: string): Date | undefined {
  const match = TIMESTAMP.exec(line.slice(0, SEARCH_WIDTH));
  if (match?.[1] === undefined) return undefined;
  // Date.parse reads milliseconds only: cut nanoseconds (`.851234567Z`) to three digits.
  const millis = Date.parse(match[1].replace(" ", "T").replace(/(\.\d{3})\d+/, "$1"));
  return Number.isNaN(millis) ? undefined : new Date(millis);
}

// The lines written at or after `since`. With no timestamp anywhere in the text, every line is kept (the
// caller must then limit the logs itself, e.g. `kubectl logs --since-time`). Untimestamped lines take the
// time of the nearest line above; those before the first timestamped line are dropped as of unknown age.
export function filterLinesSince(text: string, since: Date): string[] {
  const lines = text.replace(/\r/g, "").split("\n").filter((line) => line.trim() !== "");
  const times = lines.map(lineTimestamp);
  if (times.every((time) => time === undefined)) return lines;
  const kept: string[] = [];
  let current: Date | undefined;
  lines.forEach((line, index) => {
    current = times[index] ?? current;
    if (current !== undefined && current.getTime() >= since.getTime()) kept.push(line);
  });
  return kept;
}

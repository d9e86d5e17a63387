// Reads `kubectl get canary -w` table output into "Phase Weight" states for checkSequence.
// Default columns are NAME STATUS WEIGHT LASTTRANSITIONTIME; a header line (repeated or not) sets where
// STATUS and WEIGHT are; `# comments` after a row and blank lines are ignored.

/** One row of the watch. */
export interface CanaryWatchRow {
  name: string;
  phase: string;
  weight: string;
}

const DEFAULT_COLUMNS = ["NAME", "STATUS", "WEIGHT", "LASTTRANSITIONTIME"];

// The rows of the watch output, optionally only those of one Canary.
export function parseCanaryWatchRows(text: string, name?: string): CanaryWatchRow[] {
  let columns = DEFAULT_COLUMNS;
  const rows: CanaryWatchRow[] = [];
  for (const raw of text.replace(/\r/g, "").split("\n")) {
    const tokens = raw.replace(/\s#.*$/, "").trim().split(/\s+/).filter((token) => token !== "");
    if (tokens.length === 0 || tokens[0]?.startsWith("#")) continue;
    if (tokens[0] === "NAME") {
      columns = tokens;
      continue;
    }
    const row = readRow(tokens, columns);
    if (row !== undefined && (name === undefined || row.name === name)) rows.push(row);
  }
  return rows;
}

// The states "Phase Weight" in order, e.g. ["Initialized 0", "Progressing 10", ...].
export function parseCanaryWatch(text: string, name?: string): string[] {
  return parseCanaryWatchRows(text, name).map((row) => `${row.phase} ${row.weight}`);
}

function readRow(tokens: string[], columns: string[]): CanaryWatchRow | undefined {
  const nameAt = columns.indexOf("NAME");
  const phaseAt = columns.indexOf("STATUS");
  const weightAt = columns.indexOf("WEIGHT");
  const name = tokens[nameAt];
  const phase = tokens[phaseAt];
  const weight = tokens[weightAt];
  if (name === undefined || phase === undefined || weight === undefined || !/^\d+$/.test(weight)) return undefined;
  return { name, phase, weight };
}

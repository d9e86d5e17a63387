import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { writeFileAtomically } from "../core/atomic-write.js";
import { environmentError } from "../core/errors.js";
import { DEFAULT_CONTEXT } from "../cluster/cluster-identity.js";
import type { PlatformSnapshot } from "./snapshot-types.js";

export const BASELINE_FILE = "baseline-snapshot.json";

// Where the baseline of one context is: the lab cluster's keeps the plain name, another context gets its own
// file, so `up` on a second cluster never replaces the first one's baseline.
export function baselinePath(workDir: string, context: string = DEFAULT_CONTEXT): string {
  if (context === DEFAULT_CONTEXT) return join(workDir, BASELINE_FILE);
  return join(workDir, `baseline-snapshot.${context.replace(/[^A-Za-z0-9._-]/g, "_")}.json`);
}

// The stored baseline of a context, or undefined when `up` has not recorded one yet.
export async function readBaseline(workDir: string, context?: string): Promise<PlatformSnapshot | undefined> {
  const path = baselinePath(workDir, context);
  try {
    return JSON.parse(await readFile(path, "utf8")) as PlatformSnapshot;
  } catch (error) {
    if ((error as { code?: string }).code === "ENOENT") return undefined;
    throw environmentError(`The baseline snapshot ${path} cannot be read: ${(error as Error).message}`, {
      hint: "Delete that file and run `npm run lab up`, which records it again.",
      cause: error,
    });
  }
}

// The baseline reset compares with; refuses when there is none for this context.
export async function requireBaseline(workDir: string, context?: string): Promise<PlatformSnapshot> {
  const baseline = await readBaseline(workDir, context);
  if (baseline) return baseline;
  throw environmentError(`No baseline snapshot at ${baselinePath(workDir, context)}: reset does not know what the platform looked like.`, {
    hint: "Run `npm run lab up` first: it records the baseline (and changes nothing else on a healthy cluster).",
  });
}

// Writes the baseline atomically (temp file + rename), so an interrupted write never leaves half a file.
export async function writeBaseline(workDir: string, snapshot: PlatformSnapshot, context?: string): Promise<void> {
  await writeFileAtomically(baselinePath(workDir, context ?? snapshot.context), JSON.stringify(snapshot, null, 2) + "\n");
}

import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { environmentError } from "../../core/errors.js";
import type { PlatformSnapshot } from "./snapshot-types.js";

export const BASELINE_FILE = "baseline-snapshot.json";

// Where the baseline snapshot of the work folder is.
export function baselinePath(workDir: string): string {
  return join(workDir, BASELINE_FILE);
}

// The stored baseline, or undefined when `up` has not recorded one yet.
export async function readBaseline(workDir: string): Promise<PlatformSnapshot | undefined> {
  try {
    return JSON.parse(await readFile(baselinePath(workDir), "utf8")) as PlatformSnapshot;
  } catch (error) {
    if ((error as { code?: string }).code === "ENOENT") return undefined;
    throw environmentError(`The baseline snapshot ${baselinePath(workDir)} cannot be read: ${(error as Error).message}`, {
      hint: "Delete that file and run `npm run lab up`, which records it again.",
      cause: error,
    });
  }
}

// The baseline reset compares with; refuses when there is none for this cluster.
export async function requireBaseline(workDir: string): Promise<PlatformSnapshot> {
  const baseline = await readBaseline(workDir);
  if (baseline) return baseline;
  throw environmentError(`No baseline snapshot at ${baselinePath(workDir)}: reset does not know what the platform looked like.`, {
    hint: "Run `npm run lab up` first: it records the baseline (and changes nothing else on a healthy cluster).",
  });
}

// Writes the baseline atomically (temp file + rename), so an interrupted write never leaves half a file.
export async function writeBaseline(workDir: string, snapshot: PlatformSnapshot): Promise<void> {
  await mkdir(workDir, { recursive: true });
  const temp = `${baselinePath(workDir)}.${process.pid}.tmp`;
  await writeFile(temp, JSON.stringify(snapshot, null, 2) + "\n", "utf8");
  await rename(temp, baselinePath(workDir));
}

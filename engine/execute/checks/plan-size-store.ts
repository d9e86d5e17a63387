// Weighted plans' sample sizes remembered across runs: finding n takes tens of milliseconds per check, and
// `--dry-run` would spend most of its start-up on it. Only n is kept (the band is recomputed at n and n - 1 is
// re-checked), so a stale or damaged file costs time, never a wrong plan. Off unless the CLI turns it on.

import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export interface PlanSizeStore {
  get(key: string): number | undefined;
  set(key: string, n: number): void;
}

const NO_STORE: PlanSizeStore = { get: () => undefined, set: () => {} };
let store: PlanSizeStore = NO_STORE;

export function planSizeStore(): PlanSizeStore {
  return store;
}

export function usePlanSizeStore(next: PlanSizeStore): void {
  store = next;
}

// The planning code's own text (compiled .js, or .ts when run from source): a change to it starts a new file,
// so sizes from older code are never offered.
function planningCodeHash(): string {
  const hash = createHash("sha256");
  const extension = import.meta.url.endsWith(".ts") ? "ts" : "js";
  for (const module of ["weighted-plan", "binomial"]) hash.update(readFileSync(fileURLToPath(new URL(`../../checks/${module}.${extension}`, import.meta.url))));
  return hash.digest("hex").slice(0, 16);
}

// A JSON file in `dir`, read once, rewritten (atomically) when a new size is learned; a file it cannot name
// leaves it off, an unreadable one starts it empty.
export function fileStore(dir: string): PlanSizeStore {
  let path: string;
  try {
    path = join(dir, `weighted-plan-sizes-${planningCodeHash()}.json`);
  } catch {
    return NO_STORE;
  }
  let sizes: Record<string, number>;
  try {
    sizes = JSON.parse(readFileSync(path, "utf8")) as Record<string, number>;
  } catch {
    sizes = {};
  }
  return {
    get: (key) => (typeof sizes[key] === "number" ? sizes[key] : undefined),
    set: (key, n) => {
      sizes[key] = n;
      try {
        mkdirSync(dir, { recursive: true });
        writeFileSync(`${path}.part`, JSON.stringify(sizes) + "\n");
        renameSync(`${path}.part`, path);
      } catch {
        // A read-only cache folder only costs the search next time.
      }
    },
  };
}

// Reading and writing the golden files of one state, and telling which differ from a fresh generation.

import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ProxyOutputs } from "./run/run-istiod-twin.js";
import { PROXY_RESOURCES } from "./run/run-istiod-twin.js";
import { goldenFile } from "./golden-paths.js";

// Writes what differs (so `git diff` shows it) and returns the files that were missing or different.
export function syncGoldenState(stateDir: string, outputs: Map<string, ProxyOutputs>): string[] {
  mkdirSync(stateDir, { recursive: true });
  const changed: string[] = [];
  const expected = new Set<string>();
  for (const [proxy, printed] of outputs) {
    for (const resource of PROXY_RESOURCES) {
      const file = goldenFile(stateDir, proxy, resource);
      expected.add(file);
      const before = existsSync(file) ? readFileSync(file, "utf8") : undefined;
      if (before === printed[resource]) continue;
      writeFileSync(file, printed[resource], "utf8");
      changed.push(file);
    }
  }
  for (const name of readdirSync(stateDir)) {
    const file = join(stateDir, name);
    if (!expected.has(file)) changed.push(`${file} (no longer generated: delete it)`);
  }
  return changed;
}

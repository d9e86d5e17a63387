// A throwaway copy of the project (sources and tests, node_modules linked) where mutants are applied one at
// a time, so the working tree is never edited and an interrupted run leaves nothing behind in it.

import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import type { Mutant } from "./mutants.js";

const SKIPPED = new Set(["node_modules", "dist", ".git", "reports", "test-artifacts", ".cache"]);

/** The copy, how to put one mutant in place (and take it out), and how to remove it. */
export interface ScratchTree {
  root: string;
  withMutant<T>(mutant: Mutant, run: () => Promise<T>): Promise<T>;
  remove(): void;
}

// Copies `projectRoot` (top-level build and VCS folders excluded) into a fresh temp folder.
export function createScratchTree(projectRoot: string): ScratchTree {
  const root = mkdtempSync(join(tmpdir(), "istio-lab-mutate-"));
  cpSync(projectRoot, root, { recursive: true, filter: (path) => !SKIPPED.has(relative(projectRoot, path).split("/")[0] ?? "") });
  symlinkSync(join(projectRoot, "node_modules"), join(root, "node_modules"), "dir");
  const remove = () => rmSync(root, { recursive: true, force: true });
  process.once("exit", remove);
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => process.exit(130));
  return {
    root,
    withMutant: async (mutant, run) => {
      const path = join(root, mutant.file);
      const original = readFileSync(path, "utf8");
      if (original.slice(mutant.start, mutant.end) !== mutant.original) throw new Error(`${mutant.file}:${mutant.line} no longer reads ${mutant.original}`);
      writeFileSync(path, original.slice(0, mutant.start) + mutant.replacement + original.slice(mutant.end));
      try {
        return await run();
      } finally {
        writeFileSync(path, original);
      }
    },
    remove,
  };
}

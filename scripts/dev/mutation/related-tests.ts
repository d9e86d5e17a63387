// The test files that judge a source file: those importing it, or importing a module of the same folder
// that (directly or not) imports it. Slow integration suites elsewhere are left to `npm test`.

import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";

const IMPORT = /(?:from|import)\s*\(?\s*["'](\.[^"']+)\.js["']/g;

// Test files (project-relative) for `file` (project-relative, e.g. engine/checks/sequence.ts).
export function relatedTests(root: string, file: string): string[] {
  const folder = dirname(file);
  const importers = new Set([file]);
  const siblings = listTs(root, folder);
  for (let grew = true; grew; ) {
    grew = false;
    for (const sibling of siblings) {
      if (importers.has(sibling) || !importsOf(root, sibling).some((target) => importers.has(target))) continue;
      importers.add(sibling);
      grew = true;
    }
  }
  return listTs(root, "test").filter((test) => test.endsWith(".test.ts") && !/^test\/(e2e|twin)\//.test(test) && importsOf(root, test).some((target) => importers.has(target)));
}

function importsOf(root: string, file: string): string[] {
  return [...readFileSync(join(root, file), "utf8").matchAll(IMPORT)].map((match) => relative(root, normalize(join(root, dirname(file), `${match[1]!}.ts`))));
}

function listTs(root: string, dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return listTs(root, path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

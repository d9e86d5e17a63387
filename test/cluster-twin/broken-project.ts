// A throwaway copy of the project (dist, labs, apps, package.json; node_modules linked) with one value of a
// lab's own manifest mistyped, as test/twin/mutate does to replayed objects: the unchanged runner of the copy
// then applies the broken file to the twin.

import { cpSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseAllDocuments, stringify } from "yaml";
import type { BrokenValue } from "../twin/envoy/broken-cases.js";

function replaceIn(value: unknown, from: string | number, to: string | number, count: { n: number }): unknown {
  if (value === from) {
    count.n += 1;
    return to;
  }
  if (Array.isArray(value)) return value.map((item) => replaceIn(item, from, to, count));
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, replaceIn(item, from, to, count)]));
  return value;
}

export function brokenProjectCopy(root: string, mutations: readonly BrokenValue[]): string {
  const copy = mkdtempSync(join(tmpdir(), "istio-lab-broken-"));
  for (const entry of ["dist", "labs", "apps", "package.json"]) cpSync(join(root, entry), join(copy, entry), { recursive: true });
  symlinkSync(join(root, "node_modules"), join(copy, "node_modules"));
  for (const file of new Set(mutations.map((mutation) => mutation.file))) {
    let docs = parseAllDocuments(readFileSync(join(root, file), "utf8")).map((doc) => doc.toJS() as unknown);
    for (const mutation of mutations.filter((candidate) => candidate.file === file)) {
      const count = { n: 0 };
      docs = docs.map((doc) => replaceIn(doc, mutation.from, mutation.to, count));
      if (count.n === 0) throw new Error(`${file}: no value ${String(mutation.from)} to mistype (stale broken case)`);
    }
    writeFileSync(join(copy, file), docs.map((doc) => stringify(doc)).join("---\n"));
  }
  return copy;
}

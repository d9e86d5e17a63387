// The project's folders, the imports between them, and the stated direction those imports must follow.

import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";

/** Top to bottom: a folder may import its own layer's folders or lower ones, never higher ones. */
export const LAYERS: readonly (readonly string[])[] = [
  ["scripts"],
  ["labs"],
  ["engine"],
  ["platform"],
  ["addons"],
  ["cluster/install", "cluster/istio", "cluster/kind", "cluster/tools", "cluster/doctor", "cluster/mirror", "cluster"],
  ["core", "apps"],
];

export interface ImportEdge {
  from: string;
  to: string;
  file: string;
}

const SOURCE_ROOTS = ["scripts", "labs", "engine", "platform", "cluster", "addons", "core", "apps"];
const IMPORT = /(?:from|import)\s*\(?\s*["'](\.[^"']+)["']/g;

// The folder a path belongs to: its top folder, or its sub-folder under cluster/ ("cluster" for files directly in it).
export function folderOf(path: string): string {
  const parts = path.split("/");
  return parts[0] === "cluster" && parts.length > 2 ? parts.slice(0, 2).join("/") : parts[0]!;
}

function listSources(root: string, dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return listSources(root, path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

// Every relative import between two different folders of the product code (tests excluded).
export function readImportEdges(root: string): ImportEdge[] {
  return SOURCE_ROOTS.flatMap((top) => listSources(root, top)).flatMap((file) =>
    [...readFileSync(join(root, file), "utf8").matchAll(IMPORT)].flatMap((match) => {
      const target = relative(root, normalize(join(root, dirname(file), match[1]!)));
      const edge = { from: folderOf(file), to: folderOf(target), file };
      return edge.from === edge.to ? [] : [edge];
    }),
  );
}

const layerOf = (folder: string): number => LAYERS.findIndex((layer) => layer.includes(folder));

// Imports that go up the layers, or touch a folder no layer names.
export function findUpwardImports(edges: readonly ImportEdge[]): string[] {
  return edges.flatMap(({ from, to, file }) => {
    const [source, target] = [layerOf(from), layerOf(to)];
    if (source < 0 || target < 0) return [`${file}: ${from} -> ${to} (a folder with no layer; add it to LAYERS)`];
    return target < source ? [`${file}: ${from} -> ${to} goes up the layers`] : [];
  });
}

// The same edges between top-level folders only (cluster/kind -> cluster): a loop through sub-folders of two
// top-level folders (cluster/platform -> addons -> cluster/install) is a loop between those folders.
export function topLevelEdges(edges: readonly ImportEdge[]): ImportEdge[] {
  return edges.flatMap((edge) => {
    const [from, to] = [edge.from.split("/")[0]!, edge.to.split("/")[0]!];
    return from === to ? [] : [{ ...edge, from, to }];
  });
}

// Folder cycles (A imports B and B, directly or not, imports A), each as "a -> b -> a".
export function findFolderCycles(edges: readonly ImportEdge[]): string[] {
  const next = new Map<string, Set<string>>();
  for (const { from, to } of edges) next.set(from, (next.get(from) ?? new Set()).add(to));
  const cycles = new Set<string>();
  const walk = (path: string[]): void => {
    for (const to of next.get(path.at(-1)!) ?? []) {
      if (to === path[0]) cycles.add([...path, to].join(" -> "));
      else if (!path.includes(to)) walk([...path, to]);
    }
  };
  for (const start of next.keys()) walk([start]);
  return [...cycles];
}

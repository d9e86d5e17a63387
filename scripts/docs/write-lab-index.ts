// Writes labs/lab-index.ts from labs/registry.ts (part of `npm run docs`).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { LabDefinition } from "../../engine/lab-types.js";
import { LABS } from "../../labs/registry.js";
import { formatLabIndex, registryImports, type LabModule } from "./lab-index-source.js";

// Each lab's module and export, found by importing every module the registry imports and matching the object.
export async function labIndexText(root: string): Promise<string> {
  const imports = registryImports(readFileSync(join(root, "labs", "registry.ts"), "utf8"));
  const modules = new Map<LabDefinition, LabModule>();
  for (const [exportName, module] of imports) {
    const loaded = (await import(join(root, "dist", "labs", module))) as Record<string, unknown>;
    const lab = LABS.find((candidate) => candidate === loaded[exportName]);
    if (lab !== undefined) modules.set(lab, { module, exportName });
  }
  return formatLabIndex(LABS, (lab) => {
    const found = modules.get(lab);
    if (found === undefined) throw new Error(`lab ${lab.id} is in LABS but not imported by name in labs/registry.ts`);
    return found;
  });
}

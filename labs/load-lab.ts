// One lab's definition by id, loading only that lab's module (through the generated index); an id the index does
// not know goes to the registry, which gives the usage error (unknown, or planned) or finds a lab added since.

import type { LabDefinition } from "../engine/lab-types.js";
import { LAB_INDEX } from "./lab-index.js";

export async function loadLab(id: string): Promise<LabDefinition> {
  const entry = LAB_INDEX.find((candidate) => candidate.id === id);
  if (entry === undefined) return (await import("./lab-lookup.js")).resolveLab(id);
  const module = (await import(entry.module)) as Record<string, unknown>;
  const lab = module[entry.exportName] as LabDefinition | undefined;
  if (lab?.id !== id) throw new Error(`labs/lab-index.ts is stale for ${id} (${entry.module} exports no lab '${entry.exportName}' with that id): run \`npm run docs\``);
  return lab;
}

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../core/paths.js";
import { LAB_INDEX } from "../../labs/lab-index.js";
import { loadLab } from "../../labs/load-lab.js";
import { LABS } from "../../labs/registry.js";
import { formatLabIndex, registryImports } from "../../scripts/docs/lab-index-source.js";
import { LabError } from "../../core/errors.js";

describe("the generated lab index", () => {
  it("is what `npm run docs` writes from the registry (stale otherwise: run npm run docs)", () => {
    const imports = registryImports(readFileSync(join(projectRoot(), "labs", "registry.ts"), "utf8"));
    const byId = new Map(LAB_INDEX.map((entry) => [entry.id, entry]));
    const text = formatLabIndex(LABS, (lab) => {
      const entry = byId.get(lab.id);
      return { module: entry?.module ?? "?", exportName: entry?.exportName ?? "?" };
    });
    expect(readFileSync(join(projectRoot(), "labs", "lab-index.ts"), "utf8")).toBe(text);
    for (const entry of LAB_INDEX) expect(imports.get(entry.exportName), entry.id).toBe(entry.module);
  });

  it.each(LABS.map((lab) => [lab.id, lab] as const))("loads %s alone, the registry's own definition", async (id, lab) => {
    expect(await loadLab(id)).toBe(lab);
  });

  it("an unknown id is the registry's usage error with suggestions", async () => {
    const error = await loadLab("ch5-mirr").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LabError);
    expect((error as LabError).message).toBe("Unknown lab 'ch5-mirr'.");
    expect((error as LabError).hint).toContain("ch5-mirror");
  });
});

import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { findMutants } from "../../../scripts/dev/mutation/mutants.js";
import { createScratchTree } from "../../../scripts/dev/mutation/scratch-tree.js";

// The mutants of a one-file program holding `source`.
function mutantsOf(source: string): Array<[operator: string, replacement: string]> {
  const file = join(mkdtempSync(join(tmpdir(), "mutants-")), "x.ts");
  writeFileSync(file, source);
  // No lib: the primitive types are all the type check needs, and loading lib.*.d.ts would take seconds.
  const program = ts.createProgram([file], { strict: true, noEmit: true, noLib: true, types: [] });
  return findMutants(file, program).map((mutant) => [mutant.operator, mutant.replacement]);
}

describe("findMutants", () => {
  it("turns === on strings into includes, but not on numbers", () => {
    expect(mutantsOf('export const f = (a: string, b: string) => a === b;')).toEqual([["=== -> !==", "!=="], ["=== -> includes", "(a).includes(b)"]]);
    expect(mutantsOf("export const f = (a: number, b: number) => a === b;")).toEqual([["=== -> !==", "!=="]]);
  });

  it("drops either operand of && and swaps every/some, boundaries and booleans", () => {
    const found = mutantsOf("export const f = (xs: number[], n: number) => xs.every((x) => x < n) && true;");
    expect(found).toEqual([
      ["drop right of &&", "(xs.every((x) => x < n))"],
      ["drop left of &&", "(true)"],
      ["&& -> ||", "||"],
      [".every -> .some", "some"],
      ["off by one: <=", "<="],
      ["inverted: >=", ">="],
      ["true -> false", "false"],
    ]);
  });

  it("leaves imports and types alone", () => {
    expect(mutantsOf('import type { A } from "./a.js";\nexport type T = true | 1;\nexport interface I { x: false }\n')).toEqual([]);
  });
});

describe("createScratchTree", () => {
  it("puts a mutant in the copy only, and takes it out again even when the run fails", async () => {
    const project = mkdtempSync(join(tmpdir(), "scratch-project-"));
    writeFileSync(join(project, "x.ts"), "const a = 1 < 2;\n");
    const tree = createScratchTree(project);
    try {
      const mutant = { file: "x.ts", line: 1, operator: "off by one: <=", start: 12, end: 13, original: "<", replacement: "<=" };
      const seen = await tree.withMutant(mutant, async () => readFileSync(join(tree.root, "x.ts"), "utf8"));
      expect(seen).toBe("const a = 1 <= 2;\n");
      await expect(tree.withMutant(mutant, async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
      expect(readFileSync(join(tree.root, "x.ts"), "utf8")).toBe("const a = 1 < 2;\n");
      expect(readFileSync(join(project, "x.ts"), "utf8")).toBe("const a = 1 < 2;\n");
      await expect(tree.withMutant({ ...mutant, original: ">" }, async () => undefined)).rejects.toThrow(/no longer reads >/);
    } finally {
      tree.remove();
    }
  });
});

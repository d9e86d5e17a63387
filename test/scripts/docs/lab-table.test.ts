import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../../core/paths.js";
import { LABS } from "../../../labs/registry.js";
import { formatLabTable, replaceLabTable } from "../../../scripts/docs/format-lab-table.js";

describe("README lab table", () => {
  it("is the table generated from the lab definitions (run `npm run docs` when this fails)", () => {
    const readme = readFileSync(join(projectRoot(), "README.md"), "utf8");
    expect(replaceLabTable(readme, formatLabTable(LABS))).toBe(readme);
  });

  it("has one row per lab with its section, claim and duration, pipes escaped", () => {
    const [lab] = LABS;
    const table = formatLabTable([{ ...lab!, proves: "a | b" }]);
    expect(table.split("\n")).toHaveLength(3);
    expect(table).toContain(`| ${lab!.id} | ${lab!.section} | a \\| b | ${lab!.duration} |`);
  });

  it("refuses a README without the markers", () => {
    expect(() => replaceLabTable("# no table", "x")).toThrow(/no lab table markers/);
  });
});

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../../core/paths.js";
import { LABS } from "../../../labs/registry.js";
import { formatLabTable, replaceLabTable } from "../../../scripts/docs/format-lab-table.js";
import { deriveEvidence, readEvidenceSources } from "../../../scripts/docs/lab-evidence.js";

describe("README lab table", () => {
  it("is the table generated from the lab definitions (run `npm run docs` when this fails)", () => {
    const readme = readFileSync(join(projectRoot(), "README.md"), "utf8");
    const sources = readEvidenceSources(projectRoot());
    expect(replaceLabTable(readme, formatLabTable(LABS, (lab) => deriveEvidence(lab, sources)))).toBe(readme);
  });

  it("has one row per lab with its section, claim and duration, pipes escaped", () => {
    const [lab] = LABS;
    const table = formatLabTable([{ ...lab!, proves: "a | b" }], () => ["plan", "envoy-traffic"]);
    expect(table.split("\n")).toHaveLength(3);
    expect(table).toContain(`| ${lab!.id} | ${lab!.section} | a \\| b | ${lab!.duration} | plan, envoy-traffic |`);
  });

  it("refuses a README without the markers", () => {
    expect(() => replaceLabTable("# no table", "x")).toThrow(/no lab table markers/);
  });
});

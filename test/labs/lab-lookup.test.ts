import { describe, expect, it } from "vitest";
import { editDistance, nearestIds, resolveLab } from "../../labs/lab-lookup.js";
import { CATALOG } from "../../labs/catalog.js";
import { LabError } from "../../core/errors.js";

function failure(id: string): LabError {
  try {
    resolveLab(id);
  } catch (error) {
    return error as LabError;
  }
  throw new Error(`expected ${id} to fail`);
}

describe("lab lookup", () => {
  it("resolves a built lab", () => {
    expect(resolveLab("ch5-mirror").id).toBe("ch5-mirror");
  });

  it("calls an unknown id unknown and suggests the nearest ids", () => {
    const error = failure("ch5-mirorr");
    expect(error.exitCode).toBe(2);
    expect(error.message).toBe("Unknown lab 'ch5-mirorr'.");
    expect(error.hint).toContain("ch5-mirror");
  });

  it("resolves every catalog id to its built lab (the catalog is complete: no lab is merely planned)", () => {
    for (const entry of CATALOG) expect(resolveLab(entry.id).id).toBe(entry.id);
  });

  it("ranks by edit distance, substrings first", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(nearestIds("canary", CATALOG.map((e) => e.id), 2)).toEqual(["ch5-canary", "ch5-canary-rollback"]);
  });
});

import { describe, expect, it } from "vitest";
import { editDistance, nearestIds, resolveLab } from "../../labs/lab-lookup.js";
import { LABS } from "../../labs/registry.js";
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

  it("resolves every built lab by its id", () => {
    for (const lab of LABS) expect(resolveLab(lab.id).id).toBe(lab.id);
  });

  it("ranks by edit distance, substrings first", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(nearestIds("canary", LABS.map((lab) => lab.id), 2)).toEqual(["ch5-canary", "ch5-canary-rollback"]);
  });
});

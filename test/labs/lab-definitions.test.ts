import { describe, expect, it } from "vitest";
import { LABS } from "../../labs/registry.js";
import { validateLab } from "../../engine/validate/validate-lab.js";

describe("lab definitions", () => {
  it.each(LABS.map((lab) => [lab.id, lab] as const))("%s is sound (checks in every step, matchers that can fail, gated samples)", (_id, lab) => {
    expect(validateLab(lab, { fast: false })).toEqual([]);
    expect(validateLab(lab, { fast: true })).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { countOutcomes, formatCounts } from "./summary-counts.js";

describe("the test summary line", () => {
  it("counts an expected failure apart from the passes", () => {
    const counts = countOutcomes([
      { state: "passed", expectedToFail: false },
      { state: "passed", expectedToFail: true },
      { state: "failed", expectedToFail: false },
      { state: "skipped", expectedToFail: false },
      { state: "pending", expectedToFail: false },
    ]);
    expect(counts).toEqual({ passed: 1, failed: 1, skipped: 2, expectedFail: 1 });
    expect(formatCounts(counts)).toBe("Tests: 1 passed, 1 failed, 2 skipped, 1 expected-fail");
  });
});

// A lab's `attempts` on a weighted check reaches its plan: alpha is spent over the attempts (a larger n),
// and the plan and its words say how many samples it covers.
import { describe, expect, it } from "vitest";
import type { WeightedCheck } from "../../../engine/lab-types.js";
import { planOf } from "../../../engine/execute/checks/weighted-check.js";
import { describePlan, planWeightedCheck } from "../../../engine/checks/weighted-plan.js";

const TEN_PERCENT: WeightedCheck = {
  kind: "weighted",
  title: "about 10% of responses are v2",
  request: { port: 30000, path: "/api/catalog", host: "webapp.istioinaction.io" },
  hit: { op: "contains", value: "imageUrl" },
  hitLabel: "v2",
  expectedShare: 0.1,
  wrongShares: [0, 0.5],
};

describe("a weighted check's attempts", () => {
  it("default to one", () => {
    expect(planOf(TEN_PERCENT)).toMatchObject({ attempts: 1, n: 3914 });
  });

  it("are planned for: alpha / attempts per sample, and the words name them", () => {
    const plan = planOf({ ...TEN_PERCENT, attempts: 3 });
    expect(plan).toMatchObject({ attempts: 3, n: planWeightedCheck(0.1, [0.05, 0.15], { attempts: 3 }).n });
    expect(plan.n).toBeGreaterThan(3914);
    expect(describePlan(plan, "v2")).toMatch(/, over 3 attempts\)$/);
  });
});

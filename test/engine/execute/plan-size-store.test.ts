import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { planWeightedCheck } from "../../../engine/checks/weighted-plan.js";
import { fileStore, planSizeStore, usePlanSizeStore, type PlanSizeStore } from "../../../engine/execute/checks/plan-size-store.js";
import { planOf } from "../../../engine/execute/checks/weighted-check.js";
import type { WeightedCheck } from "../../../engine/lab-types.js";

const previous = planSizeStore();
afterEach(() => usePlanSizeStore(previous));

const check = (expectedShare: number): WeightedCheck => ({
  kind: "weighted", title: "t", request: { port: 1, path: "/" }, hit: { op: "contains", value: "v2" }, hitLabel: "v2", expectedShare, wrongShares: [],
});

describe("a remembered sample size", () => {
  const truth = planWeightedCheck(0.3, [0.25, 0.35]);

  it.each([
    ["the right one", truth.n],
    ["one too small (not feasible)", truth.n - 1],
    ["one too large (n - 1 is feasible too)", truth.n + 1],
    ["a far too large one", truth.n * 3],
    ["not a whole number", 12.5],
    ["zero", 0],
  ])("never changes the plan: %s", (_name, hint) => {
    expect(planWeightedCheck(0.3, [0.25, 0.35], { sizeHint: hint, attempts: 1, alpha: 1e-6 })).toEqual(truth);
  });
});

describe("fileStore", () => {
  const dir = () => mkdtempSync(join(tmpdir(), "plan-sizes-"));

  it("keeps what it learns for the next process, in a file named after the planning code", () => {
    const folder = dir();
    fileStore(folder).set("k", 3914);
    expect(fileStore(folder).get("k")).toBe(3914);
    expect(readdirSync(folder)).toEqual([expect.stringMatching(/^weighted-plan-sizes-[0-9a-f]{16}\.json$/)]);
  });

  it("a damaged file is an empty store, and planOf still plans exactly", () => {
    const folder = dir();
    fileStore(folder).set("x", 1);
    const [file] = readdirSync(folder);
    writeFileSync(join(folder, file!), "{not json");
    const store = fileStore(folder);
    expect(store.get("x")).toBeUndefined();
    usePlanSizeStore(store);
    expect(planOf(check(0.1)).n).toBe(3914);
  });

  it("planOf records the size it found and takes a recorded one", () => {
    const seen = new Map<string, number>();
    const store: PlanSizeStore = { get: (key) => seen.get(key), set: (key, n) => void seen.set(key, n) };
    usePlanSizeStore(store);
    const plan = planOf(check(0.5));
    expect([...seen.values()]).toEqual([plan.n]);
    seen.set([...seen.keys()][0]!, plan.n + 7);
    expect(planOf(check(0.5))).toEqual(plan);
    expect([...seen.values()]).toEqual([plan.n]);
  });
});

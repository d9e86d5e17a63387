import { describe, expect, it } from "vitest";
import type { Action } from "../../../engine/lab-types.js";
import { batchActions, scheduledActions } from "../../../engine/runner/action-batches.js";

const apply = (file: string): Action => ({ kind: "apply", file });
const rollout = (deployment: string): Action => ({ kind: "rollout", workload: { namespace: "ns", deployment } });
const exec: Action = { kind: "exec", workload: { namespace: "ns", deployment: "catalog" }, container: "catalog", command: ["true"] };
const label = (action: Action): string => (action.kind === "apply" ? action.file : action.kind === "rollout" ? `wait ${action.workload.deployment}` : action.kind);

describe("batchActions", () => {
  it("applies every manifest first, then awaits all the rollouts together", () => {
    const batches = batchActions([apply("a"), rollout("a"), apply("b"), rollout("b"), apply("gw")]);
    expect(batches.map((batch) => [batch.parallel, batch.actions.map(label)])).toEqual([
      [false, ["a"]],
      [false, ["b"]],
      [false, ["gw"]],
      [true, ["wait a", "wait b"]],
    ]);
  });

  it("keeps an exec (which may need the pods) after the waits before it", () => {
    expect(scheduledActions([apply("a"), rollout("a"), exec, apply("b"), rollout("b")]).map(label)).toEqual(["a", "wait a", "exec", "b", "wait b"]);
    expect(batchActions([apply("a"), rollout("a")]).every((batch) => !batch.parallel)).toBe(true);
  });

  it("loses and duplicates nothing", () => {
    const actions = [rollout("x"), apply("a"), exec, rollout("a"), rollout("b"), apply("c")];
    const scheduled = scheduledActions(actions);
    expect([...scheduled].sort((p, q) => label(p).localeCompare(label(q)))).toEqual([...actions].sort((p, q) => label(p).localeCompare(label(q))));
  });
});

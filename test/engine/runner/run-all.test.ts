import { describe, expect, it } from "vitest";
import { isLabError } from "../../../core/errors.js";
import type { LabDefinition } from "../../../engine/lab-types.js";
import { runAll, selectLabs } from "../../../engine/runner/run-all.js";
import { failingLab, passingLab } from "./helpers/fake-labs.js";
import { useLabHarness } from "./helpers/lab-harness.js";
import { createStepExecutor } from "../../../engine/execute/create-step-executor.js";

const h = useLabHarness();

function labs(): LabDefinition[] {
  return [passingLab(h.server.port, "lab-a"), failingLab(h.server.port, "lab-b"), passingLab(h.server.port, "lab-c")];
}

describe("runAll", () => {
  it("runs in registry order, resets between labs (not before the first) and continues past a failure", async () => {
    const order: string[] = [];
    h.t.kube.onExec = (command) => {
      if (command[0] === "set-version") h.server.version = command[1] as "v1" | "v2";
      if (command[0] === "set-version" && command[1] === "v1") order.push("run");
    };
    const reset = async (lab: LabDefinition) => void order.push(`reset before ${lab.id}`);
    const done: string[] = [];
    const results = await runAll(labs(), { ctx: h.t.ctx, executor: createStepExecutor() }, { ...h.options(), reset, onLabDone: (r) => done.push(r.labId) });
    expect(results.map((r) => [r.labId, r.status])).toEqual([
      ["lab-a", "passed"],
      ["lab-b", "failed"],
      ["lab-c", "passed"],
    ]);
    expect(order).toEqual(["run", "reset before lab-b", "run", "reset before lab-c", "run"]);
    expect(done).toEqual(["lab-a", "lab-b", "lab-c"]);
  });

  it("filters with only and skip, keeping registry order", async () => {
    const resets: string[] = [];
    const results = await runAll(labs(), { ctx: h.t.ctx, executor: createStepExecutor() }, { ...h.options(), only: ["lab-c", "lab-a"], reset: async (lab) => void resets.push(lab.id) });
    expect(results.map((r) => r.labId)).toEqual(["lab-a", "lab-c"]);
    expect(resets).toEqual(["lab-c"]);
    expect(selectLabs(labs(), undefined, ["lab-b"]).map((l) => l.id)).toEqual(["lab-a", "lab-c"]);
    expect(selectLabs(labs(), ["lab-a", "lab-b"], ["lab-b"]).map((l) => l.id)).toEqual(["lab-a"]);
  });

  it("rejects unknown ids with a usage error listing the valid ones, before running anything", async () => {
    const error = await runAll(labs(), { ctx: h.t.ctx, executor: createStepExecutor() }, { ...h.options(), skip: ["lab-z"], reset: async () => {} }).catch((e: unknown) => e);
    expect(isLabError(error) && error.kind).toBe("usage");
    expect((error as Error).message).toBe("Unknown lab id: lab-z.");
    expect(isLabError(error) && error.hint).toBe("Valid ids: lab-a, lab-b, lab-c.");
    expect(h.t.kube.execLines).toEqual([]);
  });

  it("records a failed reset as that lab's failure and goes on", async () => {
    const reset = async (lab: LabDefinition) => {
      if (lab.id === "lab-b") throw new Error("namespace stuck terminating");
    };
    const results = await runAll(labs(), { ctx: h.t.ctx, executor: createStepExecutor() }, { ...h.options(), reset });
    expect(results.map((r) => r.status)).toEqual(["passed", "failed", "passed"]);
    expect(results[1]!.failure).toMatchObject({ step: "reset", seen: "namespace stuck terminating" });
    expect(h.t.kube.execLines.some((e) => e.endsWith("cleanup lab-b"))).toBe(false);
  });

  it("stops starting labs after Ctrl-C", async () => {
    const reset = async () => h.t.controller.abort();
    const results = await runAll(labs(), { ctx: h.t.ctx, executor: createStepExecutor() }, { ...h.options(), reset });
    expect(results.map((r) => r.labId)).toEqual(["lab-a", "lab-b"]);
    expect(results[1]!.stopped?.by).toBe("ctrl-c");
  });
});

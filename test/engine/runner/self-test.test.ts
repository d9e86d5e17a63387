import { describe, expect, it } from "vitest";
import type { Check } from "../../../engine/lab-types.js";
import type { StepExecutor } from "../../../engine/step-executor.js";
import { runLab } from "../../../engine/runner/run-lab.js";
import { selfTestChecks } from "../../../engine/runner/lab-status.js";
import { CATALOG, itemsCheck, passingLab, weakCheckLab } from "./helpers/fake-labs.js";
import { useLabHarness } from "./helpers/lab-harness.js";
import { createStepExecutor } from "../../../engine/execute/create-step-executor.js";

const h = useLabHarness();

// The real executor, recording the options each check ran with.
function recordingExecutor(): StepExecutor & { calls: { title: string; singleAttempt: boolean }[] } {
  const inner = createStepExecutor();
  const calls: { title: string; singleAttempt: boolean }[] = [];
  return {
    calls,
    runAction: inner.runAction,
    runCheck: (check, ctx, state, options) => {
      calls.push({ title: check.title, singleAttempt: options.singleAttempt === true });
      return inner.runCheck(check, ctx, state, options);
    },
  };
}

describe("--self-test", () => {
  it("runs a must-fail-first check once before the step; a check that fails first lets the lab pass", async () => {
    const executor = recordingExecutor();
    const result = await runLab(passingLab(h.server.port), { ctx: h.t.ctx, executor }, h.options({ selfTest: true }));
    expect(result.status).toBe("passed");
    expect(executor.calls).toEqual([
      { title: "v1 answers", singleAttempt: false },
      { title: "v2 answers", singleAttempt: true },
      { title: "v2 answers", singleAttempt: false },
    ]);
    expect(result.steps[0]!.selfTest).toEqual([]);
    expect(result.steps[1]!.selfTest).toEqual([expect.objectContaining({ title: "v2 answers", status: "failed", attempts: 1 })]);
  });

  it("fails the lab as a weak check when the check passes before the change, without running the step's actions", async () => {
    const run = h.options({ selfTest: true });
    const result = await runLab(weakCheckLab(h.server.port), { ctx: h.t.ctx, executor: createStepExecutor() }, run);
    expect(result.status).toBe("failed");
    expect(result.failure!.message).toBe("weak check: catalog answers passed before Shift to v2 changed anything");
    expect(result.failure!.step).toBe("Shift to v2");
    expect(result.failure!.command).toContain(`127.0.0.1:${h.server.port}/items`);
    expect(result.steps[1]!.selfTest).toEqual([expect.objectContaining({ status: "passed" })]);
    expect(result.steps[1]!.actions).toEqual([{ command: expect.stringContaining("set-version v2"), status: "not-run" }]);
    expect(h.t.kube.execLines.some((e) => e.includes("set-version v2"))).toBe(false);
    expect(h.server.version).toBe("v1");
    expect(run.read()).toContain("weak check");
  });

  it("runs a must-fail-first log check against the log window before the change (the previous step), not an empty 'since now'", async () => {
    const written: Array<{ at: number; line: string }> = [];
    h.t.kube.onExec = (command) => {
      if (command[0] === "set-version") written.push({ at: Date.now(), line: `${new Date().toISOString()} serving ${command[1]}` });
    };
    h.t.kube.logs = async (_ns, _pod, _container, options) =>
      written.filter((entry) => options?.sinceTime === undefined || entry.at >= options.sinceTime.getTime()).map((entry) => entry.line).join("\n");
    const lab = passingLab(h.server.port, "fake-log");
    const steps = lab.steps({ fast: false });
    // Already true after step 1: catalog logged "serving v1" before step 2 changed anything.
    steps[1]!.checks = [{ kind: "logs", title: "catalog logs serving v1", workload: CATALOG, container: "catalog", expect: [{ op: "contains", value: "serving v1" }] }];
    const result = await runLab({ ...lab, steps: () => steps }, { ctx: h.t.ctx, executor: createStepExecutor() }, h.options({ selfTest: true }));
    expect(result.status).toBe("failed");
    expect(result.failure!.message).toBe("weak check: catalog logs serving v1 passed before Shift to v2 changed anything");
  });

  it("does nothing before the step without --self-test", async () => {
    const result = await runLab(weakCheckLab(h.server.port), { ctx: h.t.ctx, executor: createStepExecutor() }, h.options());
    expect(result.status).toBe("passed");
  });

  it("honours a check's own mustFailFirst over the step's flag", () => {
    const port = h.server.port;
    const optOut: Check = itemsCheck(port, "opts out", { status: 200 }, { mustFailFirst: false });
    const optIn: Check = itemsCheck(port, "opts in", { status: 200 }, { mustFailFirst: true });
    const plain: Check = itemsCheck(port, "plain", { status: 200 });
    const step = { title: "s", why: "w", actions: [], checks: [optOut, optIn, plain] };
    expect(selfTestChecks({ ...step, mustFailFirst: true }).map((c) => c.title)).toEqual(["opts in", "plain"]);
    expect(selfTestChecks(step).map((c) => c.title)).toEqual(["opts in"]);
  });
});

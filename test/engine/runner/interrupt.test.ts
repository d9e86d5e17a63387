import { describe, expect, it } from "vitest";
import { runLab } from "../../../engine/runner/run-lab.js";
import type { StepPreview } from "../../../engine/runner/run-options.js";
import type { StepExecutor } from "../../../engine/step-executor.js";
import { failingLab, passingLab } from "./helpers/fake-labs.js";
import { useLabHarness } from "./helpers/lab-harness.js";
import { createStepExecutor } from "../../../engine/execute/create-step-executor.js";

const h = useLabHarness();

describe("Ctrl-C and step mode", () => {
  it("stops at the step boundary after Ctrl-C, names the step, suggests reset and still cleans up", async () => {
    // Ctrl-C arrives just as the first step's last check passed.
    const inner = createStepExecutor();
    const executor: StepExecutor = {
      runAction: inner.runAction,
      runCheck: async (check, ctx, state, options) => {
        const outcome = await inner.runCheck(check, ctx, state, options);
        if (check.title === "v1 answers") h.t.controller.abort();
        return outcome;
      },
    };
    const result = await runLab(passingLab(h.server.port), { ctx: h.t.ctx, executor }, h.options());
    expect(result.status).toBe("failed");
    expect(result.steps.map((s) => s.status)).toEqual(["passed", "not-run"]);
    expect(result.stopped).toMatchObject({ by: "ctrl-c", step: "Shift to v2" });
    expect(result.stopped!.message).toContain("Interrupted before step 'Shift to v2'");
    expect(result.stopped!.message).toContain("npm run lab reset");
    expect(h.t.kube.execLines.some((e) => e.includes("set-version v2"))).toBe(false);
    expect(result.cleanup).toEqual([{ command: expect.stringContaining("cleanup fake-pass"), status: "passed" }]);
    expect(result.diagnosticsDir).toBeUndefined();
  });

  it("names the running step when Ctrl-C lands inside it", async () => {
    // Ctrl-C during a request: the probe gives up and the step stops as interrupted, not failed.
    h.server.onRequest = () => h.t.controller.abort();
    const during = await runLab(passingLab(h.server.port), { ctx: h.t.ctx, executor: createStepExecutor() }, h.options());
    expect(during.stopped).toMatchObject({ by: "ctrl-c", step: "Deploy catalog v1" });
    expect(during.failure).toBeUndefined();
    h.server.onRequest = undefined;
  });

  it("names the running step when Ctrl-C lands between its actions and checks", async () => {
    h.t.kube.onExec = (command) => {
      if (command[0] === "noop") h.t.controller.abort();
    };
    const result = await runLab(failingLab(h.server.port), { ctx: h.t.ctx, executor: createStepExecutor() }, h.options());
    expect(result.stopped).toMatchObject({ by: "ctrl-c", step: "Expect the impossible" });
    expect(result.stopped!.message).toContain("Interrupted during step 'Expect the impossible'");
    expect(result.failure).toBeUndefined();
    expect(result.steps.map((s) => s.status)).toEqual(["passed", "failed", "not-run"]);
    expect(result.steps[1]!.checks).toEqual([]);
  });

  it("asks before each step and honours skip and quit", async () => {
    const seen: StepPreview[] = [];
    const answers = ["skip", "quit"] as const;
    const stepMode = { beforeStep: async (preview: StepPreview) => (seen.push(preview), answers[seen.length - 1]!) };
    const result = await runLab(passingLab(h.server.port), { ctx: h.t.ctx, executor: createStepExecutor() }, h.options({ stepMode }));
    expect(seen.map((p) => [p.index, p.total, p.title, p.why])).toEqual([
      [1, 2, "Deploy catalog v1", "a baseline"],
      [2, 2, "Shift to v2", "the change under test"],
    ]);
    expect(seen[1]!.commands).toEqual([expect.stringContaining("set-version v2")]);
    expect(result.steps.map((s) => s.status)).toEqual(["skipped", "not-run"]);
    expect(result.stopped).toMatchObject({ by: "quit", step: "Shift to v2" });
    expect(result.status).toBe("incomplete");
    expect(h.t.kube.execLines).toEqual(["lab-ns/catalog-pod/catalog: cleanup fake-pass"]);
  });
});

import { describe, expect, it } from "vitest";
import { parallelSteps, ParallelStepError } from "../../platform/parallel-steps.js";
import { formatPlan, runPlatformPlan } from "../../platform/run-platform-plan.js";
import type { PlatformDeps, PlatformProgress, PlatformStep } from "../../cluster/install/platform-types.js";

// A step that records when its run starts and ends, yielding to the event loop in between.
function recordingStep(id: string, events: string[], options: { done?: boolean; fails?: boolean } = {}): PlatformStep {
  return {
    id,
    title: `part ${id}`,
    command: `do ${id}`,
    isDone: async () => options.done ?? false,
    run: async () => {
      events.push(`${id}:start`);
      await new Promise((resolve) => setImmediate(resolve));
      events.push(`${id}:end`);
      if (options.fails) throw new Error(`${id} broke`);
    },
  };
}

// Only what runPlatformPlan itself reads; the parts here touch nothing.
const deps = { signal: new AbortController().signal, now: () => 0 } as unknown as PlatformDeps;

describe("parallelSteps in runPlatformPlan", () => {
  it("starts every pending part before any finishes, and reports each part on its own", async () => {
    const events: string[] = [];
    const progress: string[] = [];
    const group = parallelSteps("both", "In parallel: a and b", [recordingStep("a", events), recordingStep("b", events)]);
    const result = await runPlatformPlan([group], deps, (p: PlatformProgress) => progress.push(p.type === "already-at-baseline" ? p.type : `${p.type} ${p.step.id}`));
    expect(events).toEqual(["a:start", "b:start", "a:end", "b:end"]);
    expect(result).toEqual({ ran: ["a", "b"], skipped: [], alreadyAtBaseline: false });
    expect(progress).toEqual(["checking a", "checking b", "running a", "running b", "finished a", "finished b"]);
  });

  it("runs only the parts not in place yet", async () => {
    const events: string[] = [];
    const group = parallelSteps("both", "both", [recordingStep("a", events, { done: true }), recordingStep("b", events)]);
    const result = await runPlatformPlan([group], deps);
    expect(events).toEqual(["b:start", "b:end"]);
    expect(result).toEqual({ ran: ["b"], skipped: ["a"], alreadyAtBaseline: false });
  });

  it("lets the other part finish when one fails, then fails with it; two failures name both", async () => {
    const events: string[] = [];
    const one = parallelSteps("both", "both", [recordingStep("a", events, { fails: true }), recordingStep("b", events)]);
    await expect(runPlatformPlan([one], deps)).rejects.toThrow("a broke");
    expect(events).toContain("b:end");
    const two = parallelSteps("both", "both", [recordingStep("a", [], { fails: true }), recordingStep("b", [], { fails: true })]);
    const error = await runPlatformPlan([two], deps).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ParallelStepError);
    expect((error as Error).message).toBe("a and b failed: a broke");
  });

  it("lists the parts under the group in --dry-run, in their order", () => {
    const group = parallelSteps("both", "In parallel: a and b", [recordingStep("a", []), recordingStep("b", [])]);
    expect(formatPlan([group])).toBe("1. In parallel: a and b\n   1a. part a\n       $ do a\n   1b. part b\n       $ do b");
  });
});

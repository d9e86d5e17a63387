import { afterEach, describe, expect, it } from "vitest";
import type { KubeObject } from "../../../core/kube.js";
import type { SequenceCheck } from "../../../engine/lab-types.js";
import { runCheck } from "../../../engine/execute/run-check.js";
import { FakeKube } from "../../fakes/fake-kube.js";
import { createTestContext, createTestState, type TestContext } from "./helpers/test-context.js";

const CANARY = { apiVersion: "flagger.app/v1beta1", kind: "Canary", name: "catalog-release", namespace: "istioinaction" };
// The seed's `kubectl get canary -n istioinaction -w` (lines 1368-1377).
const SEED_PHASES: Array<[string, number]> = [
  ["Initialized", 0], ["Progressing", 0], ["Progressing", 10], ["Progressing", 20], ["Progressing", 30],
  ["Progressing", 40], ["Progressing", 50], ["Promoting", 0], ["Finalising", 0], ["Succeeded", 0],
];

const check: SequenceCheck = {
  kind: "sequence",
  title: "the Canary goes 10..50, then Promoting, Finalising, Succeeded",
  target: CANARY,
  fields: [".status.phase", ".status.canaryWeight"],
  expected: ["Progressing 10", "Progressing 20", "Progressing 30", "Progressing 40", "Progressing 50", "Promoting 0", "Finalising 0", "Succeeded 0"],
  failOn: ["Failed 0"],
  timeoutMs: 5_000,
};

const contexts: TestContext[] = [];
afterEach(() => contexts.splice(0).forEach((c) => c.ctx.probe.close()));

function canary(phase: string, weight: number): KubeObject {
  return { apiVersion: CANARY.apiVersion, kind: CANARY.kind, metadata: { name: CANARY.name, namespace: CANARY.namespace }, status: { phase, canaryWeight: weight } };
}

// Plays the phases once the check is watching, a few ms apart (each one repeated, as status updates are).
async function play(kube: FakeKube, phases: Array<[string, number]>): Promise<void> {
  while (kube.watcherCount() === 0) await new Promise((resolve) => setTimeout(resolve, 2));
  for (const [phase, weight] of phases) {
    kube.put(canary(phase, weight));
    kube.put(canary(phase, weight));
    await new Promise((resolve) => setTimeout(resolve, 3));
  }
}

function setup(): TestContext {
  const kube = new FakeKube();
  kube.put(canary("Initialized", 0));
  const created = createTestContext({ kube });
  contexts.push(created);
  return created;
}

describe("sequence check", () => {
  it("passes on the seed's Canary phases observed through a watch", async () => {
    const { ctx, kube } = setup();
    const running = runCheck(check, ctx, createTestState(), { stepStartedAt: new Date() });
    await play(kube, SEED_PHASES.slice(1));
    const outcome = await running;
    expect(outcome.status).toBe("passed");
    expect(outcome.seen).toContain("Initialized 0 -> Progressing 0 -> Progressing 10");
    expect(outcome.seen).toContain("Finalising 0 -> Succeeded 0");
    expect(outcome.command).toBe("kubectl get canary catalog-release -n istioinaction -w --context kind-myk8s");
  });

  it("fails as soon as Failed appears, before the deadline", async () => {
    const { ctx, kube } = setup();
    const started = Date.now();
    const running = runCheck(check, ctx, createTestState(), { stepStartedAt: new Date() });
    await play(kube, [["Progressing", 0], ["Progressing", 10], ["Failed", 0]]);
    const outcome = await running;
    expect(outcome.status).toBe("failed");
    expect(outcome.seen).toContain('saw "Failed 0"');
    expect(outcome.seen).toContain("Progressing 10 -> Failed 0");
    expect(Date.now() - started).toBeLessThan(check.timeoutMs ?? 0);
  });

  it("fails at the deadline when the sequence stalls", async () => {
    const { ctx, kube } = setup();
    const running = runCheck({ ...check, timeoutMs: 150 }, ctx, createTestState(), { stepStartedAt: new Date() });
    await play(kube, [["Progressing", 0], ["Progressing", 10]]);
    const outcome = await running;
    expect(outcome.status).toBe("failed");
    expect(outcome.seen).toContain('waiting for "Progressing 20"');
  });

  it("with singleAttempt reads the object once and fails on a Canary that has not started", async () => {
    const { ctx, kube } = setup();
    const outcome = await runCheck(check, ctx, createTestState(), { stepStartedAt: new Date(), singleAttempt: true });
    expect(outcome.status).toBe("failed");
    expect(outcome.attempts).toBe(1);
    expect(kube.watcherCount()).toBe(0);
  });

  it("records each state with its time and Flagger's failed-check count, for the report's chart", async () => {
    const { ctx, kube } = setup();
    const noted = { ...check, notes: { failedChecks: ".status.failedChecks" } };
    const running = runCheck(noted, ctx, createTestState(), { stepStartedAt: new Date() });
    while (kube.watcherCount() === 0) await new Promise((resolve) => setTimeout(resolve, 2));
    for (const [weight, failed] of [[10, 0], [10, 1], [10, 2], [0, 2]] as const) {
      kube.put({ ...canary(weight === 0 ? "Failed" : "Progressing", weight), status: { phase: weight === 0 ? "Failed" : "Progressing", canaryWeight: weight, failedChecks: failed } });
      await new Promise((resolve) => setTimeout(resolve, 3));
    }
    const outcome = await running;
    expect(outcome.kind).toBe("sequence");
    expect(outcome.timeline?.map((entry) => [entry.state, entry.notes?.["failedChecks"]])).toEqual([
      ["Initialized 0", undefined],
      ["Progressing 10", "0"],
      ["Progressing 10", "1"],
      ["Progressing 10", "2"],
      ["Failed 0", "2"],
    ]);
    const times = outcome.timeline?.map((entry) => entry.atMs) ?? [];
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(outcome.seen).toContain("Initialized 0 -> Progressing 10 -> Failed 0");
  });
});

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runLab } from "../../../engine/runner/run-lab.js";
import { exitCodeOfResults } from "../../../engine/runner/lab-exit-code.js";
import { renderJUnit } from "../../../engine/report/junit-report.js";
import { ExitCode } from "../../../core/exit-codes.js";
import type { RunLabOptions } from "../../../engine/runner/run-options.js";
import { captureOutput } from "./helpers/capture.js";
import { startCatalogServer, type CatalogServer } from "./helpers/catalog-server.js";
import { createTestContext, type TestContext } from "./helpers/fake-edges.js";
import { failingLab, itemsCheck, passingLab } from "./helpers/fake-labs.js";
import { createStepExecutor } from "../../../engine/execute/create-step-executor.js";
import { formatLabOutcome } from "../../../engine/report/format-lab.js";

let server: CatalogServer;
let t: TestContext;

beforeAll(async () => {
  server = await startCatalogServer();
});
afterAll(() => server.stop());
beforeEach(async () => {
  server.version = "v1";
  server.onRequest = undefined;
  t = await createTestContext();
  t.kube.onExec = (command) => {
    if (command[0] === "set-version") server.version = command[1] as "v1" | "v2";
  };
});
afterEach(async () => {
  t.ctx.probe.close();
  await rm(t.dir, { recursive: true, force: true });
});

function options(extra: Partial<RunLabOptions> = {}): RunLabOptions & { read: () => string } {
  const out = captureOutput();
  return { selfTest: false, fast: false, verbose: false, renderer: "test", output: out.stream, reportDir: t.dir, workDir: t.dir, read: out.text, ...extra };
}

describe("runLab", () => {
  it("runs a passing lab's steps in order against a real server, then its cleanup", async () => {
    const run = options();
    const result = await runLab(passingLab(server.port), { ctx: t.ctx, executor: createStepExecutor() }, run);

    expect(result.status).toBe("passed");
    expect(result.steps.map((s) => [s.title, s.status])).toEqual([
      ["Deploy catalog v1", "passed"],
      ["Shift to v2", "passed"],
    ]);
    expect(result.steps[1]!.checks[0]).toMatchObject({ title: "v2 answers", status: "passed" });
    expect(result.steps[1]!.selfTest).toBeUndefined();
    expect(t.kube.execLines).toEqual([
      "lab-ns/catalog-pod/catalog: set-version v1",
      "lab-ns/catalog-pod/catalog: set-version v2",
      "lab-ns/catalog-pod/catalog: cleanup fake-pass",
    ]);
    expect(result.cleanup).toEqual([{ command: expect.stringContaining("cleanup fake-pass"), status: "passed" }]);
    expect(result.failure).toBeUndefined();
    expect(result.diagnosticsDir).toBeUndefined();
    // The test renderer writes one JSON line per task event: every step and check title shows up.
    const events = run.read().trim().split("\n").map((line) => JSON.parse(line) as { event: string; data?: unknown; task?: { title?: string } });
    const titles = new Set(events.map((e) => e.task?.title ?? ""));
    expect([...titles]).toEqual(expect.arrayContaining(["fake-pass 1/2: Deploy catalog v1", "fake-pass 2/2: Shift to v2", "v2 answers", "Cleanup"]));
  });

  it("stops at a failed check, says expected/seen/command, still cleans up and writes diagnostics", async () => {
    const run = options();
    const result = await runLab(failingLab(server.port), { ctx: t.ctx, executor: createStepExecutor() }, run);

    expect(result.status).toBe("failed");
    expect(result.steps.map((s) => s.status)).toEqual(["passed", "failed", "not-run"]);
    expect(result.steps[2]!.reason).toContain("Expect the impossible");
    expect(result.failure).toMatchObject({ step: "Expect the impossible", message: "check failed: answers 201 & <created>" });
    expect(result.failure!.expected).toContain("HTTP 201");
    expect(result.failure!.seen).toContain("HTTP 200");
    expect(result.failure!.seen).toContain('body: [{"id":1');
    expect(result.failure!.command).toContain(`127.0.0.1:${server.port}/items`);
    expect(t.kube.execLines.some((e) => e.endsWith("never"))).toBe(false);
    expect(t.kube.execLines.at(-1)).toBe("lab-ns/catalog-pod/catalog: cleanup fake-fail");
    // The task line names the failed check; the lab's outcome (printed once, after the run) has the three parts.
    expect(run.read()).toContain('"error":"check failed: answers 201 & <created>"');
    const outcome = formatLabOutcome(result);
    expect(outcome).toContain("expected: HTTP 201");
    expect(outcome).toContain(`see it yourself: ${result.failure!.command}`);

    expect(result.diagnosticsDir).toBe(join(t.dir, "diagnostics", "fake-fail"));
    const files = readdirSync(result.diagnosticsDir!);
    expect(files).toEqual(expect.arrayContaining(["README.txt", "pods-lab-ns.txt", "events-lab-ns.txt", "proxy-status.txt"]));
    expect(readFileSync(join(result.diagnosticsDir!, "README.txt"), "utf8")).toContain("Failed step: Expect the impossible");
  });

  it("records an action that throws as the failure and skips the step's checks", async () => {
    t.kube.onExec = (command) => {
      if (command[0] === "noop") throw new Error("pod not ready");
    };
    const result = await runLab(failingLab(server.port), { ctx: t.ctx, executor: createStepExecutor() }, options());
    expect(result.failure).toMatchObject({ step: "Expect the impossible", expected: "the action to succeed", seen: "pod not ready" });
    expect(result.steps[1]!.actions).toEqual([{ command: expect.stringContaining("noop"), status: "failed", error: "pod not ready" }]);
    expect(result.steps[1]!.checks).toEqual([]);
    expect(result.cleanup[0]!.status).toBe("passed");
  });

  it("reports a check skipped for lack of egress as skipped, and the lab incomplete, never passed", async () => {
    const lab = passingLab(server.port, "fake-egress");
    const steps = lab.steps({ fast: false });
    steps[0]!.checks.push(itemsCheck(server.port, "reaches the internet", { status: 200 }, { needsEgress: true }));
    // The fake process edge gives no HTTP code to the egress probe (docker exec ... curl): no egress.
    const result = await runLab({ ...lab, steps: () => steps }, { ctx: t.ctx, executor: createStepExecutor() }, options());
    expect(t.exec.commands.some((c) => c.startsWith("docker exec"))).toBe(true);
    expect(result.steps[0]!.status).toBe("skipped");
    expect(result.steps[0]!.checks[1]).toMatchObject({ status: "skipped", seen: expect.stringContaining("cannot reach the internet") });
    expect(result.steps[1]!.status).toBe("passed");
    expect(result.status).toBe("incomplete");
    expect(exitCodeOfResults([result])).toBe(ExitCode.INCOMPLETE);
    expect(renderJUnit([result])).toMatch(/<skipped message="[^"]*cannot reach the internet/);
  });

  it("applies a step's manifests in order, then awaits its rollouts together, recording each", async () => {
    const events: string[] = [];
    const real = createStepExecutor();
    const executor = {
      runCheck: real.runCheck.bind(real),
      runAction: async (action: Parameters<typeof real.runAction>[0]) => {
        const name = action.kind === "apply" ? action.file : action.kind === "rollout" ? action.workload.deployment : action.kind;
        events.push(`${action.kind} ${name} start`);
        await new Promise((resolve) => setImmediate(resolve));
        events.push(`${action.kind} ${name} end`);
      },
    };
    const step = {
      title: "Deploy two apps",
      why: "test",
      actions: [
        { kind: "apply" as const, file: "a.yaml" },
        { kind: "rollout" as const, workload: { namespace: "ns", deployment: "a" } },
        { kind: "apply" as const, file: "b.yaml" },
        { kind: "rollout" as const, workload: { namespace: "ns", deployment: "b" } },
      ],
      checks: [{ kind: "object" as const, title: "no leftover ConfigMap", target: { apiVersion: "v1", kind: "ConfigMap", namespace: "ns", name: "leftover" }, expect: "absent" as const }],
    };
    const lab = { ...passingLab(server.port), steps: () => [step] };
    const result = await runLab(lab, { ctx: t.ctx, executor }, options());
    // (the lab's cleanup exec runs after the step)
    expect(events.filter((event) => !event.startsWith("exec"))).toEqual(["apply a.yaml start", "apply a.yaml end", "apply b.yaml start", "apply b.yaml end", "rollout a start", "rollout b start", "rollout a end", "rollout b end"]);
    expect(result.steps[0]?.actions.map((a) => [a.command, a.status])).toEqual([
      ["kubectl apply -f a.yaml --context kind-test", "passed"],
      ["kubectl apply -f b.yaml --context kind-test", "passed"],
      ["kubectl rollout status -n ns deploy/a --context kind-test", "passed"],
      ["kubectl rollout status -n ns deploy/b --context kind-test", "passed"],
    ]);
  });

  it("stops background traffic after the lab", async () => {
    const lab = passingLab(server.port, "fake-traffic");
    const steps = lab.steps({ fast: false });
    steps[0]!.actions.push({ kind: "traffic", mode: "start", id: "load", request: { port: server.port, path: "/items" }, intervalMs: 20 });
    const result = await runLab({ ...lab, steps: () => steps }, { ctx: t.ctx, executor: createStepExecutor() }, options());
    expect(result.cleanup[0]).toMatchObject({ command: "stop background traffic 'load'", status: "passed" });
    const after = server.requests;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(server.requests).toBe(after);
  });

  it("shows every command as task output with --verbose on the simple renderer", async () => {
    const run = options({ renderer: "simple", verbose: true });
    await runLab(passingLab(server.port), { ctx: t.ctx, executor: createStepExecutor() }, run);
    expect(run.read()).toContain("exec in lab-ns/catalog-pod -c catalog: set-version v2");
    expect(run.read()).toContain("exec in lab-ns/catalog-pod -c catalog: cleanup fake-pass");
    expect(t.logs).toEqual([]);
  });

  it("without --verbose leaves the log lines to the context's own log", async () => {
    const run = options({ renderer: "simple" });
    await runLab(passingLab(server.port), { ctx: t.ctx, executor: createStepExecutor() }, run);
    expect(run.read()).not.toContain("exec in lab-ns/catalog-pod");
    expect(t.logs).toContain("exec in lab-ns/catalog-pod -c catalog: set-version v2");
  });

  it("writes no diagnostics when nothing failed", async () => {
    await runLab(passingLab(server.port), { ctx: t.ctx, executor: createStepExecutor() }, options());
    expect(existsSync(join(t.dir, "diagnostics"))).toBe(false);
  });
});

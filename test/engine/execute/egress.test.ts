import { afterEach, describe, expect, it } from "vitest";
import { environmentError } from "../../../core/errors.js";
import type { ExecCheck } from "../../../engine/lab-types.js";
import { runCheck } from "../../../engine/execute/run-check.js";
import { FakeKube } from "./helpers/fake-kube.js";
import { createFakeExec, type CannedAnswer } from "../../fakes/fake-exec.js";
import { createTestContext, createTestState, type TestContext } from "./helpers/test-context.js";

const NS = "istioinaction";
const contexts: TestContext[] = [];
afterEach(() => contexts.splice(0).forEach((c) => c.ctx.probe.close()));

const check: ExecCheck = {
  kind: "exec",
  title: "webapp reaches the internet",
  workload: { namespace: NS, deployment: "webapp" },
  container: "webapp",
  command: ["sh", "-c", "wget -q -O /dev/null https://example.org && echo reachable || echo blocked"],
  expect: [{ op: "contains", value: "reachable" }],
  needsEgress: true,
  timeoutMs: 200,
  intervalMs: 20,
};

// A webapp whose exec says "reachable": the check would pass if it ran.
function setup(answer: () => CannedAnswer) {
  const kube = new FakeKube({ exec: () => ({ stdout: "reachable\n", stderr: "", exitCode: 0 }) });
  kube.put({ apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "webapp", namespace: NS }, spec: { selector: { matchLabels: { app: "webapp" } } } });
  kube.put({ apiVersion: "v1", kind: "Pod", metadata: { name: "webapp-1", namespace: NS, labels: { app: "webapp" } }, status: { phase: "Running", conditions: [{ type: "Ready", status: "True" }] } });
  const fake = createFakeExec(answer);
  const created = createTestContext({ kube, exec: fake.exec });
  contexts.push(created);
  return { ...created, commands: fake.commands };
}

describe("needsEgress", () => {
  it("is skipped, not passed, when the docker exec probe gets no HTTP answer, and asks only once", async () => {
    const { ctx, kube, commands } = setup(() => ({ exitCode: 28, stdout: "000" }));
    const state = createTestState();
    const outcome = await runCheck(check, ctx, state, { stepStartedAt: new Date() });
    expect(outcome.status).toBe("skipped");
    expect(outcome.seen).toMatch(/^the cluster cannot reach the internet \(/);
    expect(state.egress).toBe(false);
    expect(kube.execs).toHaveLength(0);
    expect(commands).toEqual(["docker exec myk8s-control-plane curl -s -m 5 -o /dev/null -w '%{http_code}' http://jsonplaceholder.typicode.com/users"]);
    await runCheck(check, ctx, state, { stepStartedAt: new Date() });
    expect(commands).toHaveLength(1);
  });

  it("is skipped when docker itself cannot run", async () => {
    const { ctx } = setup(() => environmentError("'docker' could not be started: it is not installed or not on PATH."));
    const outcome = await runCheck(check, ctx, createTestState(), { stepStartedAt: new Date() });
    expect(outcome.status).toBe("skipped");
  });

  it("runs the check when the node gets an HTTP answer", async () => {
    const { ctx, kube } = setup(() => ({ stdout: "200" }));
    const state = createTestState();
    const outcome = await runCheck(check, ctx, state, { stepStartedAt: new Date() });
    expect(state.egress).toBe(true);
    expect(outcome.status).toBe("passed");
    expect(kube.execs[0]?.pod).toBe("webapp-1");
  });
});

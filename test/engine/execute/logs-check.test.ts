// Log checks judge only what they read, from the right moment: a log that cannot be read fails (never
// "no request line, so pass"), and lines written before the step started never count.

import { afterEach, describe, expect, it } from "vitest";
import type { LogsCheck } from "../../../engine/lab-types.js";
import { runCheck } from "../../../engine/execute/run-check.js";
import { lineTimestamp } from "../../../engine/checks/log-lines.js";
import { FakeKube } from "../../fakes/fake-kube.js";
import { createTestContext, createTestState, type TestContext } from "./helpers/test-context.js";

const NS = "istio-system";
const contexts: TestContext[] = [];
afterEach(() => contexts.splice(0).forEach((c) => c.ctx.probe.close()));

const STEP_START = new Date("2025-04-19T09:55:30.000Z");
const BEFORE = "[2025-04-19T09:55:20.100Z] \"GET /api/catalog HTTP/1.1\" 200 - via_upstream - \"-\" 0 357 12 11 \"172.18.0.1\" \"curl/8.0\" \"id-1\" \"webapp.istioinaction.io\" \"10.10.0.12:8080\" outbound|80||webapp.istioinaction.svc.cluster.local";
const AFTER = BEFORE.replace("09:55:20.100Z", "09:55:34.851Z").replace("id-1", "id-2");

// A gateway Deployment with one pod whose log the hook answers, honouring sinceTime as the API server does.
function gatewayWorld(log: (since: Date | undefined) => string): TestContext {
  const kube = new FakeKube({ logs: (_ns, _pod, _container, options) => log(options?.sinceTime) });
  const labels = { app: "istio-ingressgateway" };
  kube.put({ apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "istio-ingressgateway", namespace: NS }, spec: { selector: { matchLabels: labels } } });
  kube.put({ apiVersion: "v1", kind: "Pod", metadata: { name: "istio-ingressgateway-7d8f-abcde", namespace: NS, labels } });
  const created = createTestContext({ kube });
  contexts.push(created);
  return created;
}

const sinceFilter = (lines: string[]) => (since: Date | undefined) => lines.filter((line) => since === undefined || (lineTimestamp(line)?.getTime() ?? 0) >= since.getTime()).join("\n");

const check = (expect: LogsCheck["expect"]): LogsCheck => ({
  kind: "logs",
  title: "gateway log",
  workload: { namespace: NS, deployment: "istio-ingressgateway" },
  container: "istio-proxy",
  expect,
  timeoutMs: 200,
  intervalMs: 50,
});

describe("logs check", () => {
  it("fails when the log cannot be read, even for an absence ('no request line')", async () => {
    const { ctx } = gatewayWorld(() => {
      throw new Error("container \"istio-proxy\" in pod is waiting to start: ContainerCreating");
    });
    const outcome = await runCheck(check([{ op: "not-contains", value: "GET /api/catalog" }]), ctx, createTestState(), { stepStartedAt: STEP_START });
    expect(outcome.status).toBe("failed");
    expect(outcome.seen).toContain("could not read the istio-proxy log of pod istio-ingressgateway-7d8f-abcde");
    expect(outcome.seen).toContain("ContainerCreating");
  });

  it("counts only lines from the step's start: a matching line written before it does not pass", async () => {
    const { ctx } = gatewayWorld(sinceFilter([BEFORE]));
    const outcome = await runCheck(check([{ op: "regex", value: "GET /api/catalog HTTP/1.1\" 200" }]), ctx, createTestState(), { stepStartedAt: STEP_START });
    expect(outcome.status).toBe("failed");
    const later = gatewayWorld(sinceFilter([BEFORE, AFTER]));
    expect((await runCheck(check([{ op: "regex", value: "id-2" }]), later.ctx, createTestState(), { stepStartedAt: STEP_START })).status).toBe("passed");
  });

  it("an absence check sees a line from before the step only if the step start is ignored", async () => {
    const { ctx } = gatewayWorld(sinceFilter([BEFORE]));
    const outcome = await runCheck(check([{ op: "not-contains", value: "GET /api/catalog" }]), ctx, createTestState(), { stepStartedAt: STEP_START });
    expect(outcome.status, outcome.seen).toBe("passed");
    const unfiltered = gatewayWorld(() => BEFORE);
    const filtered = await runCheck(check([{ op: "not-contains", value: "GET /api/catalog" }]), unfiltered.ctx, createTestState(), { stepStartedAt: STEP_START });
    expect(filtered.status, "lines before the step start must be dropped even when the API returns them").toBe("passed");
  });

  it("reads from logsSince when given (the self-test's window before the change)", async () => {
    const { ctx } = gatewayWorld(sinceFilter([BEFORE]));
    const windowBefore = new Date("2025-04-19T09:55:10.000Z");
    const outcome = await runCheck(check([{ op: "regex", value: "id-1" }]), ctx, createTestState(), { stepStartedAt: STEP_START, logsSince: windowBefore, singleAttempt: true });
    expect(outcome.status).toBe("passed");
    expect(outcome.command).toContain("--since-time=2025-04-19T09:55:10.000Z");
  });
});

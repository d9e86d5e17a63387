import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import type { LogsCheck, ObjectCheck, ProxyConfigCheck } from "../../../engine/lab-types.js";
import { runCheck } from "../../../engine/execute/run-check.js";
import { FakeKube } from "../../fakes/fake-kube.js";
import { createFakeExec } from "../../fakes/fake-exec.js";
import { createTestContext, createTestState, type TestContext } from "./helpers/test-context.js";

const NS = "istioinaction";
const webapp = { namespace: NS, deployment: "webapp" };
const fixture = (name: string) => readFileSync(new URL(`../../fixtures/execute/${name}`, import.meta.url), "utf8");
const contexts: TestContext[] = [];
afterEach(() => contexts.splice(0).forEach((c) => c.ctx.probe.close()));

describe("proxy-config check", () => {
  const check: ProxyConfigCheck = {
    kind: "proxy-config",
    title: "webapp's route carries weighted clusters 90/10",
    workload: webapp,
    resource: "routes",
    name: "80",
    assert: { kind: "weighted-clusters", weights: { "version-v1": 90, "version-v2": 10 } },
    timeoutMs: 300,
    intervalMs: 20,
  };

  function setup(stdout: () => string) {
    const fake = createFakeExec(() => ({ stdout: stdout() }));
    const created = createTestContext({ exec: fake.exec });
    contexts.push(created);
    return { ...created, commands: fake.commands };
  }

  it("runs istioctl proxy-config with the lab context and passes on the seed's 90/10 routes", async () => {
    const { ctx, commands } = setup(() => fixture("webapp-routes-90-10.json"));
    const outcome = await runCheck(check, ctx, createTestState(), { stepStartedAt: new Date() });
    expect(outcome.status).toBe("passed");
    expect(commands[0]).toBe("istioctl proxy-config routes deploy/webapp.istioinaction --name 80 -o json --context kind-myk8s");
    expect(outcome.command).toBe("istioctl proxy-config routes deploy/webapp.istioinaction --name 80 -o json --context kind-myk8s");
    expect(outcome.seen).toContain("version-v2");
  });

  it("polls until the route appears, then passes", async () => {
    let calls = 0;
    const { ctx } = setup(() => (++calls < 3 ? fixture("webapp-routes-mirror.json") : fixture("webapp-routes-90-10.json")));
    const outcome = await runCheck(check, ctx, createTestState(), { stepStartedAt: new Date() });
    expect(outcome.status).toBe("passed");
    expect(outcome.attempts).toBe(3);
  });

  it("fails with the route summary when the config never matches", async () => {
    const { ctx } = setup(() => fixture("webapp-routes-mirror.json"));
    const outcome = await runCheck(check, ctx, createTestState(), { stepStartedAt: new Date() });
    expect(outcome.status).toBe("failed");
    expect(outcome.seen).toContain("mirror outbound|80|version-v2|catalog.istioinaction.svc.cluster.local");
  });
});

describe("logs check", () => {
  it("reads every pod's container log since the step started and matches it", async () => {
    const since: Date[] = [];
    const kube = new FakeKube({
      logs: (_ns, pod, _container, options) => {
        if (options?.sinceTime !== undefined) since.push(options.sinceTime);
        return pod === "catalog-v2-b" ? "GET catalog.istioinaction-shadow:80 /items 200 12 - 3.1 ms\n" : "GET / 200\n";
      },
    });
    kube.put({ apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "catalog-v2", namespace: NS }, spec: { selector: { matchLabels: { app: "catalog", version: "v2" } } } });
    for (const name of ["catalog-v2-a", "catalog-v2-b"]) kube.put({ apiVersion: "v1", kind: "Pod", metadata: { name, namespace: NS, labels: { app: "catalog", version: "v2" } } });
    const created = createTestContext({ kube });
    contexts.push(created);
    const check: LogsCheck = {
      kind: "logs",
      title: "catalog v2 receives the mirrored requests",
      workload: { namespace: NS, deployment: "catalog-v2" },
      container: "catalog",
      expect: [{ op: "regex", value: "GET catalog\\.istioinaction-shadow:80 /items 200" }],
    };
    const stepStartedAt = new Date("2025-04-19T06:09:09.000Z");
    const outcome = await runCheck(check, created.ctx, createTestState(), { stepStartedAt });
    expect(outcome.status).toBe("passed");
    expect(outcome.details).toEqual({ lines: 2, matchingLines: 1 });
    expect(since).toEqual([stepStartedAt, stepStartedAt]);
    expect(outcome.command).toBe("kubectl logs -n istioinaction deploy/catalog-v2 -c catalog --since-time=2025-04-19T06:09:09.000Z --context kind-myk8s");
  });
});

describe("object check", () => {
  const service = { apiVersion: "v1", kind: "Service", name: "istio-ingressgateway", namespace: "istio-system" };

  function setup() {
    const kube = new FakeKube();
    const created = createTestContext({ kube });
    contexts.push(created);
    return created;
  }

  it("matches a wildcard path like kubectl's jsonpath", async () => {
    const { ctx, kube } = setup();
    kube.put({ apiVersion: "v1", kind: "Service", metadata: { name: service.name, namespace: service.namespace }, spec: { ports: [{ nodePort: 30000 }, { nodePort: 30005 }, { nodePort: 30006 }] } });
    const check: ObjectCheck = { kind: "object", title: "nodePorts", target: service, expect: { path: "$.spec.ports[*].nodePort", matcher: { op: "regex", value: "30000.*30005.*30006" } } };
    const outcome = await runCheck(check, ctx, createTestState(), { stepStartedAt: new Date() });
    expect(outcome.status).toBe("passed");
    expect(outcome.command).toBe("kubectl get service istio-ingressgateway -n istio-system -o 'jsonpath={.spec.ports[*].nodePort}' --context kind-myk8s");
  });

  it("checks absence and presence", async () => {
    const { ctx, kube } = setup();
    const absent: ObjectCheck = { kind: "object", title: "no secret", target: { apiVersion: "v1", kind: "Secret", name: "s", namespace: "istio-system" }, expect: "absent", timeoutMs: 100, intervalMs: 20 };
    expect((await runCheck(absent, ctx, createTestState(), { stepStartedAt: new Date() })).status).toBe("passed");
    kube.put({ apiVersion: "v1", kind: "Secret", metadata: { name: "s", namespace: "istio-system" } });
    const failed = await runCheck(absent, ctx, createTestState(), { stepStartedAt: new Date() });
    expect(failed.status).toBe("failed");
    expect(failed.seen).toContain("exists");
    expect((await runCheck({ ...absent, expect: "present" }, ctx, createTestState(), { stepStartedAt: new Date() })).status).toBe("passed");
  });
});

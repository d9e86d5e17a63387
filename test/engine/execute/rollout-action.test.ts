import { afterEach, describe, expect, it } from "vitest";
import { LabError } from "../../../core/errors.js";
import type { KubeObject } from "../../../core/kube.js";
import { runRolloutAction } from "../../../engine/execute/actions/rollout-action.js";
import { FakeKube } from "../../fakes/fake-kube.js";
import { createTestContext, type TestContext } from "./helpers/test-context.js";

const NS = "istioinaction";
const workload = { namespace: NS, deployment: "catalog-v2" };
const contexts: TestContext[] = [];
afterEach(() => contexts.splice(0).forEach((c) => c.ctx.probe.close()));

function deployment(status: Record<string, number>, generation = 2): KubeObject {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "catalog-v2", namespace: NS, generation },
    spec: { replicas: 1, selector: { matchLabels: { app: "catalog", version: "v2" } } },
    status,
  };
}

function pod(status: Record<string, unknown>): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "catalog-v2-6df885b555-rg9f5", namespace: NS, labels: { app: "catalog", version: "v2" } },
    spec: { containers: [{ name: "catalog", image: "istioinaction/catalog:does-not-exist" }, { name: "istio-proxy", image: "docker.io/istio/proxyv2:1.17.8" }] },
    status,
  };
}

function setup(kube: FakeKube): TestContext {
  const created = createTestContext({ kube });
  contexts.push(created);
  return created;
}

describe("rollout", () => {
  it("returns once the watch shows every replica updated and available for the latest generation", async () => {
    const kube = new FakeKube();
    kube.put(deployment({ observedGeneration: 1, replicas: 1, updatedReplicas: 0, availableReplicas: 0 }));
    const { ctx } = setup(kube);
    const waiting = runRolloutAction({ kind: "rollout", workload }, ctx, { timeoutMs: 5_000 });
    let settled = false;
    void waiting.then(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(settled).toBe(false);
    kube.put(deployment({ observedGeneration: 2, replicas: 1, updatedReplicas: 1, availableReplicas: 1 }));
    await waiting;
  });

  it("on timeout names ImagePullBackOff and the image", async () => {
    const kube = new FakeKube();
    kube.put(deployment({ observedGeneration: 2, replicas: 1, updatedReplicas: 1, availableReplicas: 0 }));
    kube.put(
      pod({
        phase: "Pending",
        containerStatuses: [
          { name: "catalog", image: "istioinaction/catalog:does-not-exist", state: { waiting: { reason: "ImagePullBackOff", message: "Back-off pulling image" } } },
          { name: "istio-proxy", state: { running: {} } },
        ],
      }),
    );
    const { ctx } = setup(kube);
    const failure = await runRolloutAction({ kind: "rollout", workload }, ctx, { timeoutMs: 150 }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(LabError);
    const error = failure as LabError;
    expect(error.message).toContain("ImagePullBackOff");
    expect(error.message).toContain("istioinaction/catalog:does-not-exist");
    expect(error.message).toContain("catalog-v2-6df885b555-rg9f5");
    expect(error.hint).toContain("istioinaction/catalog:does-not-exist");
  });

  it("on timeout shows the last log lines of a crash-looping container", async () => {
    const kube = new FakeKube({ logs: (_ns, _pod, _container, options) => Array.from({ length: 9 }, (_, i) => `line ${i + 1}`).slice(-(options?.tailLines ?? 9)).join("\n") });
    kube.put(deployment({ observedGeneration: 2, replicas: 1, updatedReplicas: 1, availableReplicas: 0 }));
    kube.put(pod({ phase: "Running", containerStatuses: [{ name: "catalog", state: { waiting: { reason: "CrashLoopBackOff" } } }] }));
    const { ctx } = setup(kube);
    const failure = (await runRolloutAction({ kind: "rollout", workload }, ctx, { timeoutMs: 100 }).catch((error: unknown) => error)) as LabError;
    expect(failure.message).toContain("CrashLoopBackOff");
    expect(failure.message).toContain("line 9");
    expect(failure.message).toContain("line 5");
    expect(failure.message).not.toContain("line 4");
  });

  it("on timeout says the pods could not be listed, instead of an empty diagnosis", async () => {
    const kube = new FakeKube();
    kube.put(deployment({ observedGeneration: 2, replicas: 1, updatedReplicas: 1, availableReplicas: 0 }));
    kube.list = () => Promise.reject(new Error("the API server went away"));
    const { ctx } = setup(kube);
    const failure = (await runRolloutAction({ kind: "rollout", workload }, ctx, { timeoutMs: 100 }).catch((error: unknown) => error)) as LabError;
    expect(failure.message).toContain("its pods could not be listed: the API server went away");
  });

  it("on timeout gives a Pending pod's last event", async () => {
    const kube = new FakeKube();
    kube.put(deployment({ observedGeneration: 2, replicas: 1, updatedReplicas: 1, availableReplicas: 0 }));
    kube.put(pod({ phase: "Pending" }));
    kube.put({
      apiVersion: "v1",
      kind: "Event",
      metadata: { name: "e1", namespace: NS },
      involvedObject: { name: "catalog-v2-6df885b555-rg9f5" },
      reason: "FailedScheduling",
      message: "0/1 nodes are available: 1 Insufficient cpu.",
      lastTimestamp: "2025-04-19T06:09:09Z",
    });
    const { ctx } = setup(kube);
    const failure = (await runRolloutAction({ kind: "rollout", workload }, ctx, { timeoutMs: 100 }).catch((error: unknown) => error)) as LabError;
    expect(failure.message).toContain("Insufficient cpu");
  });

  it("with gone waits until the Deployment is deleted", async () => {
    const kube = new FakeKube();
    kube.put(deployment({}));
    const { ctx } = setup(kube);
    const waiting = runRolloutAction({ kind: "rollout", workload, gone: true }, ctx, { timeoutMs: 5_000 });
    await new Promise((resolve) => setTimeout(resolve, 30));
    await kube.delete({ apiVersion: "apps/v1", kind: "Deployment", name: "catalog-v2", namespace: NS });
    await waiting;
  });
});

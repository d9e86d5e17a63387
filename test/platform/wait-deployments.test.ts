import { describe, expect, it } from "vitest";
import { waitForDeploymentsReady } from "../../cluster/install/wait-deployments.js";
import { imageTag } from "../../cluster/install/deployment-state.js";
import { LabError } from "../../core/errors.js";
import type { KubeObject } from "../../core/kube.js";
import { readyDeployment } from "./baseline-cluster.js";
import { FakeKube } from "../fakes/fake-kube.js";

function notReady(name: string): KubeObject {
  const deployment = readyDeployment("istio-system", name, `example/${name}:1`);
  deployment["status"] = { observedGeneration: 1, replicas: 1, updatedReplicas: 1, readyReplicas: 0, availableReplicas: 0 };
  return deployment;
}

function pod(name: string, app: string, status: Record<string, unknown>): KubeObject {
  return { apiVersion: "v1", kind: "Pod", metadata: { name, namespace: "istio-system", labels: { app } }, status };
}

const wait = (kube: FakeKube, names: string[]) => waitForDeploymentsReady(kube, { namespace: "istio-system", names, timeoutMs: 50, signal: new AbortController().signal });

describe("waitForDeploymentsReady", () => {
  it("returns once every Deployment is rolled out", async () => {
    await expect(wait(new FakeKube([readyDeployment("istio-system", "grafana", "grafana/grafana:9.0.1")]), ["grafana"])).resolves.toBeUndefined();
  });

  it("says an image could not be pulled, as an environment problem", async () => {
    const kube = new FakeKube([
      notReady("grafana"),
      pod("grafana-7d9c-abcde", "grafana", { phase: "Pending", containerStatuses: [{ name: "grafana", ready: false, state: { waiting: { reason: "ImagePullBackOff", message: 'Back-off pulling image "grafana/grafana:9.0.1"' } } }] }),
    ]);
    const error = (await wait(kube, ["grafana"]).catch((e: unknown) => e)) as LabError;
    expect(error).toBeInstanceOf(LabError);
    expect(error.kind).toBe("environment");
    expect(error.message).toContain("grafana: pod grafana-7d9c-abcde: container grafana is in ImagePullBackOff");
    expect(error.hint).toContain("could not pull an image");
  });

  it("points at the previous logs of a crash-looping container", async () => {
    const kube = new FakeKube([
      notReady("kiali"),
      pod("kiali-5f-xyz", "kiali", { phase: "Running", containerStatuses: [{ name: "kiali", ready: false, restartCount: 4, state: { waiting: { reason: "CrashLoopBackOff" } } }] }),
    ]);
    const error = (await wait(kube, ["kiali"]).catch((e: unknown) => e)) as LabError;
    expect(error.kind).toBe("failed");
    expect(error.message).toContain("kiali: pod kiali-5f-xyz: container kiali is in CrashLoopBackOff");
    expect(error.hint).toContain("--previous");
  });

  it("names a pod that cannot be scheduled and a Deployment that does not exist", async () => {
    const kube = new FakeKube([
      notReady("prometheus"),
      pod("prometheus-1", "prometheus", { phase: "Pending", conditions: [{ type: "PodScheduled", status: "False", message: "0/1 nodes are available: 1 Insufficient memory." }] }),
    ]);
    const error = (await wait(kube, ["prometheus", "jaeger"]).catch((e: unknown) => e)) as LabError;
    expect(error.message).toContain("prometheus: pod prometheus-1: Pending — 0/1 nodes are available: 1 Insufficient memory.");
    expect(error.message).toContain("jaeger: the Deployment does not exist");
    expect(error.hint).toContain("CPU or memory");
  });

  it("says why pods could not be listed instead of calling the Deployment missing", async () => {
    const kube = new FakeKube([notReady("grafana")]);
    const listObjects = kube.list.bind(kube);
    kube.list = (query) => (query.kind === "Pod" ? Promise.reject(new Error("connection refused")) : listObjects(query));
    const error = (await wait(kube, ["grafana"]).catch((e: unknown) => e)) as LabError;
    expect(error.message).toContain("grafana: its pods could not be listed: connection refused");
    expect(error.message).not.toContain("does not exist");
  });
});

describe("imageTag", () => {
  it("reads tags, ignoring registry ports and digests", () => {
    expect(imageTag("docker.io/istio/pilot:1.17.8")).toBe("1.17.8");
    expect(imageTag("localhost:5000/flagger:1.29.0@sha256:abc")).toBe("1.29.0");
    expect(imageTag("localhost:5000/flagger")).toBeUndefined();
  });
});

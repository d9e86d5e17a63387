import { planDisplay } from "../../platform/plan-up.js";
import { describe, expect, it } from "vitest";
import { explainHelmFailure } from "../../addons/install-flagger.js";
import { istioStep } from "../../platform/istio-step.js";
import { LabError } from "../../core/errors.js";
import { ExecError } from "../../core/exec.js";
import type { KubeObject } from "../../core/kube.js";
import { baselineObjects, readyDeployment } from "./baseline-cluster.js";
import { createFakeExec } from "../fakes/fake-exec.js";
import { FakeKube } from "../fakes/fake-kube.js";
import { platformDeps, tempWorkDir } from "./platform-deps.js";

const ISTIOCTL_TIMEOUT = "✘ Ingress gateways encountered an error: failed to wait for resource: resources not ready after 5m0s: timed out waiting for the condition";

// istio-ingressgateway whose only pod cannot pull its image.
function gatewayStuckOnPullWith(message: string) {
  return gatewayStuckOnPull().map((object) =>
    object.kind === "Pod" ? { ...object, status: { phase: "Pending", containerStatuses: [{ name: "istio-proxy", state: { waiting: { reason: "ErrImagePull", message } } }] } } : object,
  );
}

function gatewayStuckOnPull(): KubeObject[] {
  const gateway = readyDeployment("istio-system", "istio-ingressgateway", "docker.io/istio/proxyv2:1.17.8", "istio-proxy");
  gateway["status"] = { observedGeneration: 1, replicas: 1, updatedReplicas: 1, availableReplicas: 0 };
  const pod: KubeObject = {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "istio-ingressgateway-5d8f-abcde", namespace: "istio-system", labels: { app: "istio-ingressgateway" } },
    spec: { containers: [{ name: "istio-proxy", image: "docker.io/istio/proxyv2:1.17.8" }] },
    status: { phase: "Pending", containerStatuses: [{ name: "istio-proxy", state: { waiting: { reason: "ImagePullBackOff", message: "Back-off pulling image" } } }] },
  };
  return [...baselineObjects().filter((o) => !(o.kind === "Deployment" && o.metadata.name === "istio-ingressgateway")), gateway, pod];
}

describe("a failed istioctl install", () => {
  it("names the pod, the reason and the image instead of only istioctl's timeout", async () => {
    const kube = new FakeKube(gatewayStuckOnPull());
    const { exec } = createFakeExec((file) => (file === "istioctl" ? { exitCode: 1, stderr: ISTIOCTL_TIMEOUT } : undefined));
    const error = await istioStep(planDisplay({ workDir: tempWorkDir() }), "up").run(platformDeps(kube, exec)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LabError);
    const message = (error as LabError).message;
    expect(message).toContain("timed out waiting for the condition");
    expect(message).toContain("istio-ingressgateway: pod istio-ingressgateway-5d8f-abcde: container istio-proxy is in ImagePullBackOff for image docker.io/istio/proxyv2:1.17.8");
    expect((error as LabError).kind).toBe("environment");
    expect((error as LabError).hint).toContain("internet connection");
  });

  it("says Docker Hub refused the pull with 429, and names the credential variables, when that is the pull error", async () => {
    const refused = 'failed to pull and unpack image "docker.io/istio/proxyv2:1.17.8": unexpected status: 429 Too Many Requests - Server message: toomanyrequests: You have reached your unauthenticated pull rate limit.';
    const { exec } = createFakeExec((file) => (file === "istioctl" ? { exitCode: 1, stderr: ISTIOCTL_TIMEOUT } : undefined));
    const error = (await istioStep(planDisplay({ workDir: tempWorkDir() }), "up").run(platformDeps(new FakeKube(gatewayStuckOnPullWith(refused)), exec)).catch((e: unknown) => e)) as LabError;
    expect(error.kind).toBe("environment");
    expect(error.hint).toContain("Docker Hub refused a pull with 429");
    expect(error.hint).toContain("ISTIO_LAB_DOCKERHUB_USERNAME and ISTIO_LAB_DOCKERHUB_TOKEN");
  });

  it("a pull error that is not a rate limit keeps the connection hint", async () => {
    const notFound = 'failed to resolve reference "docker.io/istio/proxyv2:1.17.8": docker.io/istio/proxyv2:1.17.8: not found';
    const { exec } = createFakeExec((file) => (file === "istioctl" ? { exitCode: 1, stderr: ISTIOCTL_TIMEOUT } : undefined));
    const error = (await istioStep(planDisplay({ workDir: tempWorkDir() }), "up").run(platformDeps(new FakeKube(gatewayStuckOnPullWith(notFound)), exec)).catch((e: unknown) => e)) as LabError;
    expect(error.hint).toContain("internet connection");
    expect(error.hint).not.toContain("429");
  });

  it("keeps istioctl's own error when every Deployment is ready (nothing to diagnose)", async () => {
    const kube = new FakeKube(baselineObjects());
    const { exec } = createFakeExec((file) => (file === "istioctl" ? { exitCode: 1, stderr: "Error: failed to apply manifests: webhook refused" } : undefined));
    const error = await istioStep(planDisplay({ workDir: tempWorkDir() }), "up").run(platformDeps(kube, exec)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExecError);
  });
});

describe("explainHelmFailure", () => {
  it("turns helm's 'another operation is in progress' into the commands that clear the pending release", async () => {
    const failure = new ExecError({ command: "helm upgrade --install flagger ...", exitCode: 1, stdout: "", stderr: "Error: UPGRADE FAILED: another operation (install/upgrade/rollback) is in progress" });
    const { exec } = createFakeExec(() => undefined);
    const error = (await explainHelmFailure(platformDeps(new FakeKube(baselineObjects()), exec), failure, 1000)) as LabError;
    expect(error.kind).toBe("environment");
    expect(error.message).toContain("stuck in a pending state");
    expect(error.hint).toContain("helm uninstall flagger -n istio-system --kube-context kind-myk8s");
    expect(error.hint).toContain("helm rollback flagger -n istio-system --kube-context kind-myk8s");
  });

  it("adds why the flagger pod is not ready to helm's timeout", async () => {
    const flagger = readyDeployment("istio-system", "flagger", "ghcr.io/fluxcd/flagger:1.29.0");
    flagger["status"] = { observedGeneration: 1, replicas: 1, updatedReplicas: 1, availableReplicas: 0 };
    const pod: KubeObject = {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "flagger-7c9-xyz", namespace: "istio-system", labels: { app: "flagger" } },
      spec: { containers: [{ name: "flagger", image: "ghcr.io/fluxcd/flagger:1.29.0" }] },
      status: { phase: "Running", containerStatuses: [{ name: "flagger", state: { waiting: { reason: "CrashLoopBackOff" } } }] },
    };
    const kube = new FakeKube([...baselineObjects().filter((o) => o.metadata.name !== "flagger"), flagger, pod]);
    const failure = new ExecError({ command: "helm upgrade --install flagger ...", exitCode: 1, stdout: "", stderr: "Error: UPGRADE FAILED: timed out waiting for the condition" });
    const { exec } = createFakeExec(() => undefined);
    const error = (await explainHelmFailure(platformDeps(kube, exec), failure, 300_000)) as LabError;
    expect(error.message).toContain("timed out waiting for the condition");
    expect(error.message).toContain("flagger: pod flagger-7c9-xyz: container flagger is in CrashLoopBackOff");
  });
});

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { writeBaseline } from "../../platform/baseline-store.js";
import { planReset } from "../../platform/plan-reset.js";
import { runPlatformPlan } from "../../platform/run-platform-plan.js";
import { takeSnapshot } from "../../platform/take-snapshot.js";
import { compareSnapshots } from "../../platform/compare-snapshots.js";
import { LabError } from "../../core/errors.js";
import type { KubeObject } from "../../core/kube.js";
import { baselineObjects, meshConfigMap, readyDeployment } from "./baseline-cluster.js";
import { createFakeExec } from "../fakes/fake-exec.js";
import { FakeKube } from "../fakes/fake-kube.js";
import { platformDeps, tempWorkDir } from "./platform-deps.js";
import { resolveClusterIdentity } from "../../cluster/cluster-identity.js";

const gateway = (namespace: string, name: string): KubeObject => ({ apiVersion: "networking.istio.io/v1beta1", kind: "Gateway", metadata: { name, namespace } });

async function recordBaseline(kube: FakeKube): Promise<string> {
  const workDir = tempWorkDir();
  await writeBaseline(workDir, await takeSnapshot(kube));
  return workDir;
}

// What a few labs leave behind: ch4 gateway + app, a TLS secret, an extra namespace, REGISTRY_ONLY, a canary.
function dirty(kube: FakeKube): void {
  kube.put(gateway("istioinaction", "coolstore-gateway"));
  kube.put(readyDeployment("istioinaction", "webapp", "istioinaction/webapp:latest"));
  kube.put({ apiVersion: "v1", kind: "Secret", metadata: { name: "webapp-credential", namespace: "istio-system" }, type: "kubernetes.io/tls" });
  kube.put(gateway("istio-system", "my-user-gateway"));
  kube.put(readyDeployment("istio-system", "my-user-gateway", "docker.io/istio/proxyv2:1.17.8"));
  kube.put({ apiVersion: "telemetry.istio.io/v1alpha1", kind: "Telemetry", metadata: { name: "mesh-default", namespace: "istio-system" } });
  kube.put({ apiVersion: "v1", kind: "Namespace", metadata: { name: "foo" } });
  kube.put({ apiVersion: "flagger.app/v1beta1", kind: "Canary", metadata: { name: "catalog-release", namespace: "default" } });
  kube.put(meshConfigMap("REGISTRY_ONLY"));
}

describe("reset", () => {
  it("brings a dirty cluster back to a snapshot equal to the baseline", async () => {
    const kube = new FakeKube(baselineObjects());
    const workDir = await recordBaseline(kube);
    dirty(kube);
    const fake = createFakeExec((file, args) => {
      if (file !== "istioctl" || args[0] !== "install") return undefined;
      kube.put(meshConfigMap("ALLOW_ANY"));
      return { stdout: "✔ Installation complete\nThank you for installing Istio 1.17.\n" };
    });
    const result = await runPlatformPlan(planReset({ workDir }), platformDeps(kube, fake.exec, workDir));
    expect(result.ran).toEqual(["delete-lab-namespaces", "lab-namespace", "delete-leftovers", "istio"]);
    expect(result.skipped).toEqual(["verify-baseline"]);
    expect(kube.mutations).toEqual([
      "delete Namespace istioinaction",
      "delete Namespace foo",
      "apply Namespace istioinaction",
      "delete Canary default/catalog-release",
      "delete Deployment istio-system/my-user-gateway",
      "delete Gateway istio-system/my-user-gateway",
      "delete Secret istio-system/webapp-credential",
      "delete Telemetry istio-system/mesh-default",
    ]);
    expect(fake.commands).toEqual([`istioctl install -y -f ${workDir}/istio-operator-allow-any.yaml --context kind-myk8s`]);
    expect(readFileSync(`${workDir}/istio-operator-allow-any.yaml`, "utf8")).toContain("mode: ALLOW_ANY");
    const baseline = JSON.parse(readFileSync(`${workDir}/baseline-snapshot.json`, "utf8"));
    expect(compareSnapshots(baseline, await takeSnapshot(kube))).toEqual([]);
  });

  it("on another context, deletes leftovers by that context's own baseline (not kind-myk8s's)", async () => {
    const kube = new FakeKube(baselineObjects());
    const workDir = tempWorkDir();
    await writeBaseline(workDir, { ...(await takeSnapshot(kube)), context: "kind-foo" }, "kind-foo");
    kube.put({ apiVersion: "v1", kind: "Secret", metadata: { name: "webapp-credential", namespace: "istio-system" }, type: "kubernetes.io/tls" });
    const cluster = resolveClusterIdentity("kind-foo");
    const result = await runPlatformPlan(planReset({ workDir, cluster }), { ...platformDeps(kube, createFakeExec(() => undefined).exec, workDir), cluster });
    expect(result.ran).toContain("delete-leftovers");
    expect(kube.mutations).toContain("delete Secret istio-system/webapp-credential");
  });

  it("is a no-op on a clean cluster", async () => {
    const kube = new FakeKube(baselineObjects());
    const workDir = await recordBaseline(kube);
    const result = await runPlatformPlan(planReset({ workDir }), platformDeps(kube, createFakeExec(() => undefined).exec, workDir));
    expect(result.alreadyAtBaseline).toBe(true);
    expect(kube.mutations).toEqual([]);
  });

  it("names what holds a namespace stuck Terminating (the finalizer) and stops", async () => {
    const kube = new FakeKube(baselineObjects(), { stuckNamespaces: ["istioinaction"] });
    const workDir = await recordBaseline(kube);
    kube.put({ apiVersion: "flagger.app/v1beta1", kind: "Canary", metadata: { name: "catalog-release", namespace: "istioinaction", finalizers: ["finalizers.flagger.app"] } });
    const deps = platformDeps(kube, createFakeExec(() => undefined).exec, workDir);
    const started = deps.now();
    const error = await runPlatformPlan(planReset({ workDir, namespaceDeadlineMs: 120_000 }), deps).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LabError);
    const labError = error as LabError;
    expect(labError.message).toContain("Namespace deletion did not finish within 120 s");
    expect(labError.message).toContain("namespace istioinaction is still Terminating");
    expect(labError.message).toContain("finalizers.flagger.app in 1 resource instances");
    expect(labError.message).toContain("Canary istioinaction/catalog-release has finalizer finalizers.flagger.app");
    expect(labError.hint).toContain(`kubectl patch canary catalog-release -n istioinaction --type=merge -p '{"metadata":{"finalizers":null}}'`);
    expect(labError.hint).toContain("reset --hard");
    expect(deps.now() - started).toBeGreaterThanOrEqual(120_000);
  });

  it("refuses without a recorded baseline and points at `up`", async () => {
    const kube = new FakeKube(baselineObjects());
    const workDir = tempWorkDir();
    const error = await runPlatformPlan(planReset({ workDir }), platformDeps(kube, createFakeExec(() => undefined).exec, workDir)).catch((e: unknown) => e);
    expect((error as LabError).kind).toBe("environment");
    expect((error as LabError).hint).toContain("npm run lab up");
    expect(kube.mutations).toEqual([]);
  });

  it("fails listing the differences when something cannot be put back", async () => {
    const kube = new FakeKube(baselineObjects());
    const workDir = await recordBaseline(kube);
    await kube.delete({ apiVersion: "admissionregistration.k8s.io/v1", kind: "MutatingWebhookConfiguration", name: "istio-sidecar-injector" });
    const error = await runPlatformPlan(planReset({ workDir }), platformDeps(kube, createFakeExec(() => undefined).exec, workDir)).catch((e: unknown) => e);
    expect((error as LabError).kind).toBe("failed");
    expect((error as LabError).message).toContain("missing MutatingWebhookConfiguration istio-sidecar-injector");
  });

  it("re-installs Istio when a lab changed istiod's environment", async () => {
    const kube = new FakeKube(baselineObjects());
    const workDir = await recordBaseline(kube);
    kube.put(readyDeployment("istio-system", "istiod", "docker.io/istio/pilot:1.17.8", "discovery", [{ name: "PILOT_FILTER_GATEWAY_CLUSTER_CONFIG", value: "true" }, { name: "PILOT_TRACE_SAMPLING", value: "1" }]));
    const fake = createFakeExec((file, args) => {
      if (file !== "istioctl" || args[0] !== "install") return undefined;
      kube.put(readyDeployment("istio-system", "istiod", "docker.io/istio/pilot:1.17.8", "discovery", [{ name: "PILOT_TRACE_SAMPLING", value: "1" }]));
      return {};
    });
    const result = await runPlatformPlan(planReset({ workDir }), platformDeps(kube, fake.exec, workDir));
    expect(result.ran).toEqual(["istio"]);
  });
});

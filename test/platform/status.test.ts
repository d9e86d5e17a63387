import { describe, expect, it } from "vitest";
import { writeBaseline } from "../../platform/baseline-store.js";
import { findAddonProblems } from "../../addons/install-addons.js";
import { collectStatus } from "../../platform/collect-status.js";
import { formatStatus } from "../../platform/format-status.js";
import { takeSnapshot } from "../../platform/take-snapshot.js";
import { environmentError } from "../../core/errors.js";
import { baselineObjects, healthyMachine, meshConfigMap } from "./baseline-cluster.js";
import { createFakeExec } from "../fakes/fake-exec.js";
import { FakeKube } from "../fakes/fake-kube.js";
import { tempWorkDir } from "./platform-deps.js";

describe("status", () => {
  it("shows a platform at baseline with the addon URLs", async () => {
    const kube = new FakeKube(baselineObjects());
    const workDir = tempWorkDir();
    await writeBaseline(workDir, await takeSnapshot(kube));
    const status = await collectStatus({ exec: createFakeExec(healthyMachine()).exec, kube: async () => kube, context: "kind-myk8s", workDir, pathEnv: "" });
    expect(status.istio).toEqual({ istiodVersion: "1.17.8", istiodReady: true, problems: [] });
    expect(status.flagger).toEqual({ version: "1.29.0", ready: true, problems: [] });
    expect(status.baseline).toEqual({ recorded: true, sameCluster: true, differences: [] });
    const text = formatStatus(status);
    expect(text).toContain("✔ istiod 1.17.8 ready");
    expect(text).toContain("✔ prometheus http://127.0.0.1:30001/");
    expect(text).toContain("✔ kiali      http://127.0.0.1:30003/kiali/");
    expect(text).toContain("✔ tracing    http://127.0.0.1:30004/jaeger/");
    expect(text).toContain("✔ Flagger 1.29.0 ready");
    expect(text).toContain("✔ at baseline");
    expect(text).toContain("Next: ready");
  });

  it("names the addon whose Deployment is not ready and the Service that is not exposed", async () => {
    const kube = new FakeKube(baselineObjects());
    await kube.delete({ apiVersion: "apps/v1", kind: "Deployment", name: "jaeger", namespace: "istio-system" });
    kube.put({ apiVersion: "v1", kind: "Service", metadata: { name: "grafana", namespace: "istio-system" }, spec: { type: "ClusterIP", ports: [{ port: 3000 }] } });
    expect(await findAddonProblems(kube)).toEqual(["Service grafana is not a NodePort on 30002", "jaeger is not ready"]);
    const status = await collectStatus({ exec: createFakeExec(healthyMachine()).exec, kube: async () => kube, context: "kind-myk8s", workDir: tempWorkDir(), pathEnv: "" });
    const text = formatStatus(status);
    expect(text).toContain("✖ grafana    http://127.0.0.1:30002/  (not exposed)");
    expect(text).toContain("✖ tracing    http://127.0.0.1:30004/jaeger/  (not ready)");
  });

  it("lists what differs from the baseline and suggests reset", async () => {
    const kube = new FakeKube(baselineObjects());
    const workDir = tempWorkDir();
    await writeBaseline(workDir, await takeSnapshot(kube));
    kube.put(meshConfigMap("REGISTRY_ONLY"));
    const text = formatStatus(await collectStatus({ exec: createFakeExec(healthyMachine()).exec, kube: async () => kube, context: "kind-myk8s", workDir, pathEnv: "" }));
    expect(text).toContain("✖ mesh outboundTrafficPolicy is REGISTRY_ONLY, baseline ALLOW_ANY");
    expect(text).toContain("- mesh outboundTrafficPolicy REGISTRY_ONLY, baseline ALLOW_ANY");
    expect(text).toContain("Next: `npm run lab up`");
  });

  it("reports an absent cluster as a state, without asking the API", async () => {
    const fake = createFakeExec((file, args) => (args[0] === "inspect" ? { exitCode: 1, stderr: "Error: No such object" } : healthyMachine()(file, args)));
    const status = await collectStatus({
      exec: fake.exec,
      kube: async () => {
        throw new Error("the API must not be asked when there is no cluster");
      },
      context: "kind-myk8s",
      workDir: tempWorkDir(),
      pathEnv: "",
    });
    expect(status.cluster.exists).toBe(false);
    expect(status.istio).toBeUndefined();
    const text = formatStatus(status);
    expect(text).toContain("✖ kind cluster 'myk8s' does not exist");
    expect(text).toContain("Next: `npm run lab up`.");
  });

  it("says when the API does not answer", async () => {
    const status = await collectStatus({
      exec: createFakeExec(healthyMachine()).exec,
      kube: async () => {
        throw environmentError("The Kubernetes API of kind-myk8s does not answer (connection refused).");
      },
      context: "kind-myk8s",
      workDir: tempWorkDir(),
      pathEnv: "",
    });
    expect(formatStatus(status)).toContain("✖ Kubernetes API: The Kubernetes API of kind-myk8s does not answer");
  });

  it("says when Docker is not running", async () => {
    const status = await collectStatus({ exec: createFakeExec(() => ({ exitCode: 1, stderr: "Cannot connect to the Docker daemon" })).exec, kube: async () => new FakeKube(), context: "kind-myk8s", workDir: tempWorkDir(), pathEnv: "" });
    const text = formatStatus(status);
    expect(text).toContain("✖ Docker not reachable: ");
    expect(text).toContain("No Docker engine answers (docker version failed)");
    expect(text).toContain("Next: start Docker");
  });
});

import { describe, expect, it } from "vitest";
import { writeBaseline } from "../../platform/baseline-store.js";
import { planUp } from "../../platform/plan-up.js";
import { runPlatformPlan } from "../../platform/run-platform-plan.js";
import type { PlatformProgress } from "../../cluster/install/platform-types.js";
import { takeSnapshot } from "../../platform/take-snapshot.js";
import { LabError } from "../../core/errors.js";
import { baselineObjects, healthyMachine } from "./baseline-cluster.js";
import { createFakeExec } from "../fakes/fake-exec.js";
import { FakeKube } from "../fakes/fake-kube.js";
import { platformDeps, tempWorkDir } from "./platform-deps.js";

async function clusterAtBaseline() {
  const kube = new FakeKube(baselineObjects());
  const workDir = tempWorkDir();
  await writeBaseline(workDir, await takeSnapshot(kube));
  return { kube, workDir };
}

describe("up over a cluster at baseline", () => {
  it("only reads: no step runs, nothing is applied or deleted, and it says 'already at baseline'", async () => {
    const { kube, workDir } = await clusterAtBaseline();
    const fake = createFakeExec(healthyMachine());
    const progress: PlatformProgress["type"][] = [];
    const result = await runPlatformPlan(planUp({ workDir }), platformDeps(kube, fake.exec, workDir), (p) => progress.push(p.type));
    expect(result).toEqual({
      ran: [],
      skipped: ["kind-network", "kind-cluster", "registry-mirrors", "istio", "addons", "flagger", "lab-namespace", "baseline-snapshot"],
      alreadyAtBaseline: true,
    });
    expect(progress.at(-1)).toBe("already-at-baseline");
    expect(progress).not.toContain("running");
    expect(kube.mutations).toEqual([]);
    expect(fake.commands).toEqual([
      "docker version --format '{{.Server.Version}}'",
      "docker network inspect kind",
      "kind get clusters",
      "docker inspect myk8s-control-plane --format '{{.State.Running}}|{{json .HostConfig.PortBindings}}'",
      // The image cache: one read of the three mirrors' states.
      "docker inspect --format '{{.Name}} {{.State.Running}} {{range $name, $_ := .NetworkSettings.Networks}}{{$name}},{{end}}' istio-lab-mirror-docker-io istio-lab-mirror-quay-io istio-lab-mirror-ghcr-io",
    ]);
  });

  it("runs only what is missing: a deleted lab namespace is created again with injection on", async () => {
    const { kube, workDir } = await clusterAtBaseline();
    await kube.delete({ apiVersion: "v1", kind: "Namespace", name: "istioinaction" });
    kube.mutations.length = 0;
    const result = await runPlatformPlan(planUp({ workDir }), platformDeps(kube, createFakeExec(healthyMachine()).exec, workDir));
    expect(result.ran).toEqual(["lab-namespace"]);
    expect(result.alreadyAtBaseline).toBe(false);
    expect(kube.mutations).toEqual(["apply Namespace istioinaction"]);
    const created = await kube.get({ apiVersion: "v1", kind: "Namespace", name: "istioinaction" });
    expect(created?.metadata.labels).toEqual({ "istio-injection": "enabled" });
  });

  it("on Docker 27 without a kind network, pre-creates it", async () => {
    const { kube, workDir } = await clusterAtBaseline();
    const fake = createFakeExec((file, args) => (args.join(" ") === "network create -d=bridge kind" ? {} : healthyMachine({ kindNetwork: false })(file, args)));
    const result = await runPlatformPlan(planUp({ workDir }), platformDeps(kube, fake.exec, workDir));
    expect(result.ran).toEqual(["kind-network"]);
    expect(fake.commands).toContain("docker network create -d=bridge kind");
  });

  it("on Docker 26 leaves the network to kind", async () => {
    const { kube, workDir } = await clusterAtBaseline();
    const fake = createFakeExec(healthyMachine({ dockerVersion: "26.1.4", kindNetwork: false }));
    const result = await runPlatformPlan(planUp({ workDir }), platformDeps(kube, fake.exec, workDir));
    expect(result.alreadyAtBaseline).toBe(true);
    expect(fake.commands).not.toContain("docker network inspect kind");
  });

  it("refuses a cluster created with other port mappings and names the way out", async () => {
    const { kube, workDir } = await clusterAtBaseline();
    const fake = createFakeExec(healthyMachine({ hostPorts: [30000, 30001, 30002] }));
    const error = await runPlatformPlan(planUp({ workDir }), platformDeps(kube, fake.exec, workDir)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LabError);
    expect((error as LabError).kind).toBe("environment");
    expect((error as LabError).message).toContain("30007 (second gateway (my-user-gateway))");
    expect((error as LabError).hint).toContain("up --recreate");
    expect(fake.commands.some((c) => c.startsWith("kind create") || c.startsWith("kind delete"))).toBe(false);
  });

  it("with --recreate deletes and creates the cluster from the rendered kind config", async () => {
    const { kube, workDir } = await clusterAtBaseline();
    const fake = createFakeExec((file, args) => (file === "kind" && (args[0] === "create" || args[0] === "delete") ? {} : healthyMachine({ hostPorts: [30000] })(file, args)));
    await runPlatformPlan(planUp({ workDir, recreate: true }), platformDeps(kube, fake.exec, workDir)).catch(() => undefined);
    expect(fake.commands).toContain("kind delete cluster --name myk8s");
    expect(fake.commands).toContain(`kind create cluster --name myk8s --config ${workDir}/kind-config.yaml --wait 180s`);
  });

  it("records a new baseline when the stored one belongs to another cluster", async () => {
    const { kube, workDir } = await clusterAtBaseline();
    await writeBaseline(workDir, { ...(await takeSnapshot(kube)), clusterId: "an-old-cluster" });
    const result = await runPlatformPlan(planUp({ workDir }), platformDeps(kube, createFakeExec(healthyMachine()).exec, workDir));
    expect(result.ran).toEqual(["baseline-snapshot"]);
  });
});

import { resolveClusterIdentity } from "../../../../cluster/cluster-identity.js";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Exec, ExecResult } from "../../../../core/exec.js";
import { ExecError } from "../../../../core/exec.js";
import { formatCommand } from "../../../../core/shell-quote.js";
import type { KubeObject } from "../../../../core/kube.js";
import { FakeKube } from "../../../fakes/fake-kube.js";
import { createCertStore } from "../../../../engine/certs/cert-store.js";
import type { LabContext } from "../../../../engine/lab-context.js";
import { createNodeProbe } from "../../../../engine/probes/node-probe.js";

// Fakes at the process and Kubernetes edges; the network edge is the real node probe.

// The fake labs' workload: Deployment lab-ns/catalog with one Running+Ready pod.
function catalogObjects(): KubeObject[] {
  const labels = { app: "catalog" };
  const deployment: KubeObject = { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "catalog", namespace: "lab-ns" }, spec: { selector: { matchLabels: labels } } };
  const pod: KubeObject = {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "catalog-pod", namespace: "lab-ns", labels },
    spec: { containers: [{ name: "catalog", image: "istioinaction/catalog:latest" }, { name: "istio-proxy", image: "proxyv2" }] },
    status: { phase: "Running", conditions: [{ type: "Ready", status: "True" }], containerStatuses: [{ ready: true, restartCount: 0 }, { ready: true, restartCount: 0 }] },
  };
  return [deployment, pod];
}

// The unified fake API with the catalog workload, logs that name what was asked, and execs that succeed.
export function createFakeKube(): FakeKube {
  return new FakeKube({
    context: "kind-test",
    objects: catalogObjects(),
    logs: (namespace, pod, container, options) => `log of ${namespace}/${pod}/${container} tail=${options?.tailLines ?? "all"}\n`,
    exec: () => ({ stdout: "", stderr: "", exitCode: 0 }),
  });
}

export interface FakeExec {
  exec: Exec;
  commands: string[];
  /** Output per command prefix; a value of Error makes that command fail. */
  answers: Map<string, string | Error>;
}

export function createFakeExec(): FakeExec {
  const fake: FakeExec = {
    commands: [],
    answers: new Map(),
    exec: async (file, args) => {
      const command = formatCommand(file, args);
      fake.commands.push(command);
      const key = [...fake.answers.keys()].find((prefix) => command.startsWith(prefix));
      const answer = key === undefined ? "" : fake.answers.get(key)!;
      const result: ExecResult = { command, exitCode: 0, stdout: typeof answer === "string" ? answer : "", stderr: "" };
      if (answer instanceof Error) throw new ExecError({ ...result, exitCode: 1, stderr: answer.message });
      return result;
    },
  };
  return fake;
}

export interface TestContext {
  ctx: LabContext;
  kube: FakeKube;
  exec: FakeExec;
  logs: string[];
  controller: AbortController;
  dir: string;
}

// A LabContext with fake Kube/Exec, the real node probe, real time, and a fresh temp folder.
export async function createTestContext(): Promise<TestContext> {
  const dir = await mkdtemp(join(tmpdir(), "istio-lab-runner-"));
  const kube = createFakeKube();
  const exec = createFakeExec();
  const certs = createCertStore(join(dir, "certs"));
  const controller = new AbortController();
  const logs: string[] = [];
  const ctx: LabContext = {
    exec: exec.exec,
    kube,
    cluster: resolveClusterIdentity(kube.context),
    probe: createNodeProbe({ certs, certDir: join(dir, "certs"), timeoutMs: 2000 }),
    certs,
    tools: { kind: "kind", kubectl: "kubectl", istioctl: "istioctl", helm: "helm", istioDir: join(dir, "istio") },
    projectRoot: dir,
    log: (line) => logs.push(line),
    now: () => Date.now(),
    sleep: (ms, signal) => new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      signal?.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
    }),
    signal: controller.signal,
  };
  return { ctx, kube, exec, logs, controller, dir };
}

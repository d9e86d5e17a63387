// The cluster twin's supervisor: starts everything in order, writes the runner's marker and ready.json (with
// each piece's start-up time), then holds until SIGTERM/SIGINT or until the process that started it is gone,
// and stops everything in reverse order. Run detached by cli.ts in its own process group.

import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { createKube } from "../../../core/kube-client/create-kube.js";
import type { Kube, KubeObject } from "../../../core/kube.js";
import { TWIN_CONTEXT } from "../../../cluster/cluster-twin.js";
import { findEnvoy } from "../../twin/envoy/harness/find-envoy.js";
import { startControlPlane, startKwok } from "./control-plane.js";
import { injectorWebhook, startInjector } from "./injector.js";
import { makeIstioCa } from "./istio-ca.js";
import { ISTIO_SYSTEM, istioSystemObjects, readCrds, TWIN_ISTIOD_IMAGE } from "./istio-objects.js";
import { startIstiod } from "./istiod-process.js";
import { ensureLocalRoute, removeLocalRoute } from "./local-route.js";
import { startNodePorts } from "./node-ports.js";
import { startPodRuntime } from "./pod-runtime.js";
import { makeCert } from "./twin-pki.js";
import { twinBinaries, twinCacheRoot, twinStateDir, K8S_VERSION, KWOK_VERSION, ISTIO_COMMIT, TWIN_NET } from "./twin-paths.js";
import { removeTwinMarker, writeTwinMarker } from "./twin-marker.js";
import { waitFor } from "./wait-for.js";
import { parseAllDocuments } from "yaml";
import { readFileSync } from "node:fs";
import type { TwinProcess } from "./twin-process.js";

const log = (line: string): void => console.log(`[${new Date().toISOString()}] ${line}`);

async function applyFolder(kube: Kube, dir: string): Promise<void> {
  for (const name of readdirSync(dir).filter((file) => file.endsWith(".yaml")).sort()) {
    const docs = parseAllDocuments(readFileSync(join(dir, name), "utf8")).map((doc) => doc.toJS() as KubeObject | null);
    await kube.apply(docs.filter((doc): doc is KubeObject => doc !== null));
  }
}

async function established(kube: Kube, names: readonly string[]): Promise<string | undefined> {
  for (const name of names) {
    const crd = await kube.get({ apiVersion: "apiextensions.k8s.io/v1", kind: "CustomResourceDefinition", name });
    const conditions = ((crd?.["status"] ?? {}) as { conditions?: { type: string; status: string }[] }).conditions ?? [];
    if (!conditions.some((c) => c.type === "Established" && c.status === "True")) return `CRD ${name} not established`;
  }
  return undefined;
}

async function deploymentReady(kube: Kube, namespace: string, name: string): Promise<string | undefined> {
  const deployment = await kube.get({ apiVersion: "apps/v1", kind: "Deployment", name, namespace });
  const available = ((deployment?.["status"] ?? {}) as { availableReplicas?: number }).availableReplicas ?? 0;
  return available > 0 ? undefined : `${namespace}/${name} has no available replica`;
}

async function main(): Promise<void> {
  const parent = Number(process.argv[2] ?? "0");
  const started = Date.now();
  const stateDir = twinStateDir();
  rmSync(stateDir, { recursive: true, force: true });
  const logDir = join(stateDir, "logs");
  mkdirSync(logDir, { recursive: true });
  const binaries = twinBinaries();
  const kwokDir = join(twinCacheRoot(), "bin", `kwok-${KWOK_VERSION}`);
  const processes: TwinProcess[] = [];
  const stops: (() => Promise<void>)[] = [];
  let addedRoute = false;
  let stopping = false;

  const stopAll = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    log("stopping");
    removeTwinMarker(TWIN_CONTEXT);
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    for (const child of processes.reverse()) await child.stop().catch(() => undefined);
    if (addedRoute) removeLocalRoute();
    log("stopped");
  };
  const onSignal = (): void => {
    void stopAll().then(() => process.exit(0));
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);

  try {
    addedRoute = ensureLocalRoute();
    const timings: Record<string, number> = {};
    const plane = await startControlPlane({ binaries, stateDir, logDir, context: TWIN_CONTEXT, kwokDir });
    processes.push(...plane.processes);
    Object.assign(timings, plane.timings);
    process.env["KUBECONFIG"] = plane.kubeconfig;
    const kube = await createKube(TWIN_CONTEXT);

    let from = Date.now();
    await applyFolder(kube, join(kwokDir, "crds"));
    await kube.apply([{ apiVersion: "v1", kind: "Node", metadata: { name: "twin-node", labels: { "kubernetes.io/hostname": "twin-node", "kubernetes.io/os": "linux", type: "kwok" }, annotations: { "kwok.x-k8s.io/node": "fake" } } }]);
    const kwok = startKwok({ binaries, stateDir, logDir, context: TWIN_CONTEXT, kwokDir }, plane);
    processes.push(kwok);
    await waitFor("kwok node", async () => {
      const node = await kube.get({ apiVersion: "v1", kind: "Node", name: "twin-node" });
      const conditions = ((node?.["status"] ?? {}) as { conditions?: { type: string; status: string }[] }).conditions ?? [];
      return conditions.some((c) => c.type === "Ready" && c.status === "True") ? undefined : "twin-node not Ready";
    }, { timeoutMs: 60_000, process: kwok });
    timings["kwok"] = Date.now() - from;

    from = Date.now();
    const crds = readCrds(join(binaries.pilotDiscovery, "..", "crd-all.gen.yaml"));
    await kube.apply([{ apiVersion: "v1", kind: "Namespace", metadata: { name: ISTIO_SYSTEM } }]);
    await kube.apply(crds);
    await waitFor("Istio CRDs", () => established(kube, crds.map((crd) => crd.metadata.name)), { timeoutMs: 60_000 });
    const istioCa = makeIstioCa(stateDir);
    await kube.apply(istioSystemObjects());
    const webhookCert = makeCert(join(stateDir, "pki"), "injector", { cert: join(stateDir, "pki", "ca.crt"), key: join(stateDir, "pki", "ca.key") }, { cn: "twin-injector", ips: ["127.0.0.1"] });
    const injector = await startInjector(webhookCert);
    stops.push(() => new Promise<void>((resolve) => injector.close(() => resolve())));
    await kube.apply([injectorWebhook(plane.ca.cert)]);
    timings["istio objects"] = Date.now() - from;

    from = Date.now();
    const istiod = await startIstiod({ binary: binaries.pilotDiscovery, kubeconfig: plane.kubeconfig, caDir: istioCa.dir, logDir, stateDir });
    processes.push(istiod);
    timings["istiod"] = Date.now() - from;

    from = Date.now();
    const runtime = startPodRuntime({ kube, envoy: findEnvoy(), ca: istioCa, stateDir, logDir, log });
    stops.push(() => runtime.stop());
    const nodePorts = startNodePorts(kube, log);
    stops.push(() => nodePorts.stop());
    await waitFor("istio-ingressgateway", () => deploymentReady(kube, ISTIO_SYSTEM, "istio-ingressgateway"), { timeoutMs: 60_000 });
    await waitFor("istiod Deployment", () => deploymentReady(kube, ISTIO_SYSTEM, "istiod"), { timeoutMs: 60_000 });
    // Ready once the gateway's Envoy took its bootstrap and answers on the readiness port via its pod IP.
    await waitFor("gateway Envoy", async () => {
      const pods = await kube.list({ apiVersion: "v1", kind: "Pod", namespace: ISTIO_SYSTEM, labelSelector: "istio=ingressgateway" });
      const ip = ((pods[0]?.["status"] ?? {}) as { podIP?: string }).podIP;
      if (ip === undefined) return "no gateway pod IP";
      const res = await fetch(`http://${ip}:15021/healthz/ready`).catch((error: Error) => error);
      return res instanceof Error ? res.message : res.ok ? undefined : `readiness HTTP ${res.status}`;
    }, { timeoutMs: 60_000 });
    timings["gateway"] = Date.now() - from;
    timings["total"] = Date.now() - started;

    const marker = writeTwinMarker({ context: TWIN_CONTEXT, kubeconfig: plane.kubeconfig, pid: process.pid, istioctl: binaries.istioctl, istiodVersion: TWIN_ISTIOD_IMAGE.split(":")[1] ?? ISTIO_COMMIT, startedAt: new Date().toISOString() });
    writeFileSync(join(stateDir, "ready.json"), `${JSON.stringify({ context: TWIN_CONTEXT, kubeconfig: plane.kubeconfig, marker, versions: { kubernetes: K8S_VERSION, kwok: KWOK_VERSION, istio: ISTIO_COMMIT }, net: TWIN_NET, timingsMs: timings }, null, 2)}\n`);
    log(`ready in ${timings["total"]} ms: ${JSON.stringify(timings)}`);
  } catch (error) {
    log(`failed: ${(error as Error).message}${(error as { hint?: string }).hint ? `\nhint: ${(error as { hint?: string }).hint}` : ""}`);
    writeFileSync(join(stateDir, "failed.txt"), `${(error as Error).message}\n`);
    await stopAll();
    process.exit(1);
  }

  // Nothing outlives the run that started the twin: the parent gone is a stop.
  while (!stopping) {
    if (parent > 0) {
      try {
        process.kill(parent, 0);
      } catch {
        log(`parent ${parent} is gone`);
        await stopAll();
        process.exit(0);
      }
    }
    await delay(1_000);
  }
}

void main();

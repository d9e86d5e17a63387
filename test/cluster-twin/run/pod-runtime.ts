// The node's runtime, as a kubelet with containers would be: for each running pod kwok gave an IP, the pod's
// app (a stand-in, its ports relayed from the pod IP), its Envoy (the gateway, or an injected istio-proxy), and
// kwok's exec and port-forward objects for it; all stopped when the pod goes. Pods are listed every 500 ms.

import { join } from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import type { Kube } from "../../../core/kube.js";
import { mkdirSync } from "node:fs";
import { ISTIO_SYSTEM } from "./istio-objects.js";
import type { IstioCa } from "./istio-ca.js";
import { podExec, podPortForward } from "./kwok-objects.js";
import { containerLog, podLogs, type ContainerLog } from "./container-logs.js";
import { STARTED_ANNOTATION } from "./kwok-stages.js";
import { startPodProxy, type RunningProxy } from "./pod-proxy.js";
import { startPodRelay, type PodRelay } from "./pod-relay.js";
import { viewPod, workloadNameOf, type PodView } from "./pod-spec.js";
import { startStandIn, type RunningStandIn } from "./pod-standins.js";

interface RunningPod {
  pod: PodView;
  standIn?: RunningStandIn;
  relays: PodRelay[];
  proxy?: RunningProxy;
  log?: ContainerLog;
}

export interface PodRuntimeOptions {
  kube: Kube;
  envoy: string;
  ca: IstioCa;
  stateDir: string;
  logDir: string;
  log: (line: string) => void;
}

export interface PodRuntime {
  stop(): Promise<void>;
}

const isGateway = (pod: PodView): boolean => pod.namespace === ISTIO_SYSTEM && pod.labels["istio"] === "ingressgateway";
const isIstiod = (pod: PodView): boolean => pod.namespace === ISTIO_SYSTEM && pod.labels["app"] === "istiod";
const hasSidecar = (pod: PodView): boolean => !isGateway(pod) && pod.containers.some((container) => container.name === "istio-proxy");

export function startPodRuntime(options: PodRuntimeOptions): PodRuntime {
  const running = new Map<string, RunningPod>();
  const controller = new AbortController();

  // webapp calls catalog through its own sidecar; without one, straight to a catalog pod's stand-in.
  const webappUpstream = (uid: string) => (): number => {
    const self = running.get(uid);
    if (self?.proxy?.outboundPort !== undefined) return self.proxy.outboundPort;
    const catalog = [...running.values()].find((entry) => entry.pod.labels["app"] === "catalog" && entry.standIn !== undefined);
    return catalog?.standIn?.port ?? 1;
  };

  // The pod's app and Envoy listen: kwok's twin-pod-ready stage may now make it Ready.
  const markStarted = (pod: PodView): Promise<void> =>
    options.kube.apply([{ apiVersion: "v1", kind: "Pod", metadata: { name: pod.name, namespace: pod.namespace, annotations: { [STARTED_ANNOTATION]: "true" } } }]);

  async function start(pod: PodView & { ip: string }): Promise<RunningPod> {
    const entry: RunningPod = { pod, relays: [] };
    running.set(pod.uid, entry);
    const podDir = join(options.stateDir, "pods", `${pod.namespace}-${pod.name}`);
    const proxyOf = (type: "router" | "sidecar") => ({
      type, podName: pod.name, namespace: pod.namespace, podIp: pod.ip, labels: pod.labels, serviceAccount: pod.serviceAccount, workloadName: workloadNameOf(pod),
    });
    if (isGateway(pod)) {
      entry.proxy = await startPodProxy({ envoy: options.envoy, proxy: proxyOf("router"), ca: options.ca, podDir, logDir: options.logDir });
      await options.kube.apply([podPortForward(pod.namespace, pod.name, pod.ip, [15000])]);
      await markStarted(pod);
      return entry;
    }
    const standIn = await startStandIn(options.kube, pod, webappUpstream(pod.uid));
    if (standIn !== undefined) {
      entry.standIn = standIn;
      const ports = pod.containers.find((container) => container.name === standIn.container)?.ports ?? [];
      for (const { containerPort } of ports) entry.relays.push(await startPodRelay(pod.ip, containerPort, () => standIn.port));
    }
    if (hasSidecar(pod)) entry.proxy = await startPodProxy({ envoy: options.envoy, proxy: proxyOf("sidecar"), ca: options.ca, podDir, logDir: options.logDir });
    mkdirSync(podDir, { recursive: true });
    const forwarded = [...(entry.proxy ? [15000] : []), ...pod.containers.flatMap((container) => (container.ports ?? []).map((port) => port.containerPort))];
    await options.kube.apply([podExec(pod.namespace, pod.name, pod.ip, podDir), podPortForward(pod.namespace, pod.name, pod.ip, forwarded)]);
    if (standIn?.log !== undefined) {
      entry.log = containerLog(join(podDir, `${standIn.container}.log`), standIn.log);
      await options.kube.apply([podLogs(pod.namespace, pod.name, standIn.container, entry.log.file)]);
    }
    await markStarted(pod);
    options.log(`pod ${pod.namespace}/${pod.name} at ${pod.ip}: ${standIn ? `stand-in for ${standIn.container}` : "no stand-in"}${entry.proxy ? ", Envoy" : ""}`);
    return entry;
  }

  async function stopPod(entry: RunningPod, deleteObjects: boolean): Promise<void> {
    running.delete(entry.pod.uid);
    await Promise.all([...entry.relays.map((relay) => relay.close()), entry.standIn?.stop(), entry.proxy?.stop()]);
    if (!deleteObjects || isGateway(entry.pod)) return;
    for (const kind of ["Exec", "PortForward", "Logs"]) {
      await options.kube.delete({ apiVersion: "kwok.x-k8s.io/v1alpha1", kind, name: entry.pod.name, namespace: entry.pod.namespace }).catch(() => false);
    }
  }

  async function reconcile(): Promise<void> {
    const pods = (await options.kube.list({ apiVersion: "v1", kind: "Pod" })).map(viewPod);
    // istiod's pod is played by the istiod process, up before the runtime starts.
    for (const pod of pods) if (isIstiod(pod) && pod.running && !pod.deleting && pod.annotations[STARTED_ANNOTATION] !== "true") await markStarted(pod);
    const live = new Map(pods.filter((pod) => pod.running && !pod.deleting && pod.ip !== undefined && !isIstiod(pod)).map((pod) => [pod.uid, pod]));
    for (const entry of [...running.values()]) if (!live.has(entry.pod.uid)) await stopPod(entry, true);
    for (const entry of running.values()) entry.log?.flush();
    for (const pod of live.values()) {
      if (running.has(pod.uid) || pod.ip === undefined) continue;
      await start({ ...pod, ip: pod.ip }).catch(async (error: Error) => {
        // Undone, so the next round tries again (a Secret the pod mounts may not exist yet).
        options.log(`pod ${pod.namespace}/${pod.name}: ${error.message}`);
        const partial = running.get(pod.uid);
        if (partial !== undefined) await stopPod(partial, false);
      });
    }
  }

  const loop = (async () => {
    while (!controller.signal.aborted) {
      await reconcile().catch((error: Error) => options.log(`pod runtime: ${error.message}`));
      await delay(500, undefined, { signal: controller.signal }).catch(() => undefined);
    }
  })();

  return {
    async stop() {
      controller.abort();
      await loop;
      await Promise.all([...running.values()].map((entry) => stopPod(entry, false)));
    },
  };
}

// What the controllers and the sidecar injector would have made of the Deployments: Pods with IPs from
// the kind config's pod subnet, their labels (plus Istio's for injected workloads) and Ready status.

import { POD_SUBNET } from "../../../cluster/kind/kind-config.js";
import type { KubeObject } from "../../../core/kube.js";
import { hostAddress } from "./subnet-address.js";
import { objectsOfKind, type TwinState } from "./twin-state.js";

/** How istiod will treat a pod's proxy: a gateway, a sidecar, or no proxy at all. */
export type ProxyKind = "router" | "sidecar" | undefined;

interface PodTemplate {
  metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: { containers?: Array<{ name: string; args?: string[] }>; serviceAccountName?: string };
}

/** A Pod the twin created, with the proxy kind istiod will see and the Deployment it belongs to. */
export interface TwinPod {
  pod: KubeObject;
  ip: string;
  proxy: ProxyKind;
  deployment?: string;
}

// A gateway (istioctl's `proxy router`, or the injector's gateway template), a sidecar where injection is on, or none.
export function proxyKindOf(template: PodTemplate, namespaceLabels: Record<string, string>): ProxyKind {
  const annotations = template.metadata?.annotations ?? {};
  const labels = template.metadata?.labels ?? {};
  const containers = template.spec?.containers ?? [];
  if (annotations["inject.istio.io/templates"] === "gateway") return "router";
  if (containers.some((container) => container.name === "istio-proxy" && (container.args ?? []).includes("router"))) return "router";
  const optedOut = annotations["sidecar.istio.io/inject"] === "false" || labels["sidecar.istio.io/inject"] === "false";
  return namespaceLabels["istio-injection"] === "enabled" && !optedOut ? "sidecar" : undefined;
}

// Labels the injector adds: mTLS capability and the canonical service name and revision.
function injectedLabels(labels: Record<string, string>, name: string): Record<string, string> {
  return {
    ...labels,
    "security.istio.io/tlsMode": "istio",
    "service.istio.io/canonical-name": labels["app"] ?? name,
    "service.istio.io/canonical-revision": labels["version"] ?? "latest",
  };
}

function namespaceLabelsOf(state: TwinState, namespace: string): Record<string, string> {
  return objectsOfKind(state, "Namespace").find((object) => object.metadata.name === namespace)?.metadata.labels ?? {};
}

// Injected pods (sidecars, and gateways made by the injector's gateway template) carry the injector's labels.
function isInjected(template: PodTemplate, proxy: ProxyKind): boolean {
  return proxy === "sidecar" || template.metadata?.annotations?.["inject.istio.io/templates"] === "gateway";
}

function podObject(name: string, namespace: string, template: PodTemplate, proxy: ProxyKind, ip: string): KubeObject {
  const labels = template.metadata?.labels ?? {};
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace, labels: isInjected(template, proxy) ? injectedLabels(labels, name) : { ...labels }, annotations: { ...(template.metadata?.annotations ?? {}) } },
    spec: { ...(template.spec ?? {}), nodeName: "myk8s-control-plane" },
    status: { phase: "Running", podIP: ip, podIPs: [{ ip }], hostIP: "172.18.0.2", conditions: [{ type: "Ready", status: "True" }] },
  };
}

// One Ready pod per replica of every Deployment, plus the bare Pods a lab applied, numbered in a stable order.
export function synthesizePods(state: TwinState): TwinPod[] {
  const deployments = objectsOfKind(state, "Deployment").sort((a, b) => `${a.metadata.namespace}/${a.metadata.name}`.localeCompare(`${b.metadata.namespace}/${b.metadata.name}`));
  const pods: TwinPod[] = [];
  const nextIp = (): string => hostAddress(POD_SUBNET, 10 + pods.length);
  for (const deployment of deployments) {
    const namespace = deployment.metadata.namespace ?? "default";
    const spec = deployment["spec"] as { replicas?: number; template?: PodTemplate };
    const template = spec.template ?? {};
    const proxy = proxyKindOf(template, namespaceLabelsOf(state, namespace));
    for (let replica = 0; replica < (spec.replicas ?? 1); replica++) {
      const ip = nextIp();
      pods.push({ pod: podObject(`${deployment.metadata.name}-twin-${replica}`, namespace, template, proxy, ip), ip, proxy, deployment: deployment.metadata.name });
    }
  }
  for (const bare of objectsOfKind(state, "Pod")) {
    const namespace = bare.metadata.namespace ?? "default";
    const template: PodTemplate = { metadata: { labels: bare.metadata.labels ?? {}, annotations: bare.metadata.annotations ?? {} }, spec: bare["spec"] as PodTemplate["spec"] };
    const proxy = proxyKindOf(template, namespaceLabelsOf(state, namespace));
    const ip = nextIp();
    pods.push({ pod: podObject(bare.metadata.name, namespace, template, proxy, ip), ip, proxy });
  }
  return pods;
}

// The request the Go program reads: the mesh config, the Kubernetes objects (with synthesized Pods,
// ClusterIPs and EndpointSlices), the Istio objects as YAML, and the proxies to generate config for.

import { stringify } from "yaml";
import { renderIstioOperator } from "../../../cluster/istio/istio-operator.js";
import type { KubeObject } from "../../../core/kube.js";
import { synthesizeServiceObjects } from "./service-endpoints.js";
import type { TwinState } from "./twin-state.js";
import { synthesizePods, type TwinPod } from "./workload-pods.js";

/** A proxy by its Deployment, as `istioctl proxy-config ... deploy/<deployment>.<namespace>` names it. */
export interface ProxyRef {
  namespace: string;
  deployment: string;
}

/** One proxy of the request (see test/twin/istiod/request.go). */
export interface ProxySpec {
  name: string;
  type: "router" | "sidecar";
  namespace: string;
  pod: string;
  ip: string;
  labels: Record<string, string>;
}

/** The JSON the Go program reads, and the environment istiod must start with. */
export interface TwinRequest {
  meshConfig: string;
  kubernetesObjects: KubeObject[];
  istioConfig: string;
  proxies: ProxySpec[];
}

export interface TwinInvocation {
  request: TwinRequest;
  /** istiod's extra environment (feature flags are read once, at start). */
  env: Record<string, string>;
}

// `deploy/webapp.istioinaction` -> "webapp.istioinaction", the golden files' prefix.
export function proxyFileName(ref: ProxyRef): string {
  return `${ref.deployment}.${ref.namespace}`;
}

function isIstioConfig(object: KubeObject): boolean {
  const group = object.apiVersion.split("/")[0] ?? "";
  return group.endsWith(".istio.io") && group !== "install.istio.io";
}

// The first pod of the Deployment, if it exists and runs a proxy.
function proxyOf(ref: ProxyRef, pods: TwinPod[]): ProxySpec | undefined {
  const found = pods.find((candidate) => candidate.deployment === ref.deployment && candidate.pod.metadata.namespace === ref.namespace);
  if (found === undefined || found.proxy === undefined) return undefined;
  return { name: proxyFileName(ref), type: found.proxy, namespace: ref.namespace, pod: found.pod.metadata.name, ip: found.ip, labels: found.pod.metadata.labels ?? {} };
}

// The request for `state`; proxies whose Deployment is absent (or runs no proxy) are left out.
export function buildTwinInvocation(state: TwinState, proxies: readonly ProxyRef[]): TwinInvocation {
  const pods = synthesizePods(state);
  const kube = state.objects.filter((object) => !isIstioConfig(object) && object.kind !== "Service" && object.kind !== "Pod" && object.kind !== "IstioOperator");
  const istio = state.objects.filter(isIstioConfig);
  const operator = renderIstioOperator(state.operator);
  return {
    request: {
      meshConfig: stringify(operator.spec.meshConfig),
      kubernetesObjects: [...kube, ...pods.map((pod) => pod.pod), ...synthesizeServiceObjects(state, pods)],
      istioConfig: istio.map((object) => stringify(object)).join("---\n"),
      proxies: proxies.map((ref) => proxyOf(ref, pods)).filter((spec): spec is ProxySpec => spec !== undefined),
    },
    env: { ...(state.operator.pilotEnv ?? {}) },
  };
}

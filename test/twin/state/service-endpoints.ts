// What kube-proxy's allocator and the EndpointSlice controller would add: a ClusterIP per Service (from the
// kind config's service subnet) and one EndpointSlice listing the Ready pods its selector matches.

import { SERVICE_SUBNET } from "../../../cluster/kind/kind-config.js";
import type { KubeObject } from "../../../core/kube.js";
import { hostAddress } from "./subnet-address.js";
import { objectsOfKind, type TwinState } from "./twin-state.js";
import type { TwinPod } from "./workload-pods.js";

interface ServicePort {
  name?: string;
  port: number;
  targetPort?: number | string;
  protocol?: string;
}

interface ServiceSpec {
  selector?: Record<string, string>;
  ports?: ServicePort[];
  clusterIP?: string;
}

function selects(selector: Record<string, string>, labels: Record<string, string>): boolean {
  const pairs = Object.entries(selector);
  return pairs.length > 0 && pairs.every(([key, value]) => labels[key] === value);
}

// A named targetPort resolves to the pod's containerPort of that name, as the endpoints controller does.
function targetNumber(port: ServicePort, pod: KubeObject): number {
  if (typeof port.targetPort === "number") return port.targetPort;
  if (port.targetPort === undefined) return port.port;
  const containers = ((pod["spec"] as { containers?: Array<{ ports?: Array<{ name?: string; containerPort: number }> }> }).containers ?? []);
  const named = containers.flatMap((container) => container.ports ?? []).find((candidate) => candidate.name === port.targetPort);
  return named?.containerPort ?? Number(port.targetPort);
}

function endpointSlice(service: KubeObject, spec: ServiceSpec, pods: TwinPod[]): KubeObject {
  const first = pods[0]?.pod;
  return {
    apiVersion: "discovery.k8s.io/v1",
    kind: "EndpointSlice",
    metadata: { name: `${service.metadata.name}-twin`, namespace: service.metadata.namespace, labels: { "kubernetes.io/service-name": service.metadata.name, "endpointslice.kubernetes.io/managed-by": "endpointslice-controller.k8s.io" } },
    addressType: "IPv4",
    endpoints: pods.map(({ pod, ip }) => ({ addresses: [ip], conditions: { ready: true, serving: true, terminating: false }, targetRef: { kind: "Pod", name: pod.metadata.name, namespace: pod.metadata.namespace } })),
    ports: (spec.ports ?? []).map((port) => ({ ...(port.name === undefined ? {} : { name: port.name }), port: first === undefined ? port.port : targetNumber(port, first), protocol: port.protocol ?? "TCP" })),
  };
}

// The Services with ClusterIPs and the EndpointSlices of those with a selector, in a stable order.
export function synthesizeServiceObjects(state: TwinState, pods: TwinPod[]): KubeObject[] {
  const services = objectsOfKind(state, "Service").sort((a, b) => `${a.metadata.namespace}/${a.metadata.name}`.localeCompare(`${b.metadata.namespace}/${b.metadata.name}`));
  return services.flatMap((service, index) => {
    const spec = (service["spec"] ?? {}) as ServiceSpec;
    const withIp: KubeObject = { ...service, spec: { ...spec, clusterIP: spec.clusterIP ?? hostAddress(SERVICE_SUBNET, 10 + index) } };
    if (spec.selector === undefined) return [withIp];
    const selected = pods.filter(({ pod }) => pod.metadata.namespace === service.metadata.namespace && selects(spec.selector ?? {}, pod.metadata.labels ?? {}));
    return [withIp, endpointSlice(service, spec, selected)];
  });
}

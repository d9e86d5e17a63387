// Which stand-ins serve an Istio cluster (`outbound|<port>|<subset>|<host>`): the Service named by the host
// selects workloads by label, a DestinationRule subset narrows them by its labels, as EDS would.

import type { KubeObject } from "../../../../core/kube.js";
import type { EndpointResolver } from "../convert/static-clusters.js";
import { objectsOfKind, type ReplayedState } from "./replay-objects.js";

/** A running stand-in workload and the loopback port its container port is served on. */
export interface StandInWorkload {
  namespace: string;
  deployment: string;
  labels: Record<string, string>;
  port: number;
}

const matches = (selector: Record<string, string>, labels: Record<string, string>): boolean =>
  Object.entries(selector).every(([key, value]) => labels[key] === value);

const specOf = (object: KubeObject): Record<string, unknown> => (object["spec"] ?? {}) as Record<string, unknown>;

// The labels of DestinationRule subset `subset` for the service `host` (FQDN), or undefined if none names it.
function subsetLabels(state: ReplayedState, host: string, subset: string): Record<string, string> | undefined {
  for (const rule of objectsOfKind(state, "DestinationRule")) {
    const spec = specOf(rule) as { host?: string; subsets?: { name: string; labels?: Record<string, string> }[] };
    const ruleHost = spec.host ?? "";
    const fqdn = ruleHost.includes(".svc.") ? ruleHost : `${ruleHost.split(".")[0] ?? ""}.${ruleHost.split(".")[1] ?? rule.metadata.namespace ?? "default"}.svc.cluster.local`;
    if (fqdn !== host) continue;
    const found = spec.subsets?.find((candidate) => candidate.name === subset);
    if (found !== undefined) return found.labels ?? {};
  }
  return undefined;
}

// A resolver over the replayed state and the running stand-ins.
export function createEndpointResolver(state: ReplayedState, workloads: readonly StandInWorkload[]): EndpointResolver {
  return (clusterName) => {
    const [direction, , subset, host] = clusterName.split("|");
    if (direction !== "outbound" || host === undefined) return undefined;
    const match = /^([^.]+)\.([^.]+)\.svc\.cluster\.local$/.exec(host);
    if (match === null) return undefined;
    const service = objectsOfKind(state, "Service").find((candidate) => candidate.metadata.name === match[1] && candidate.metadata.namespace === match[2]);
    const selector = (specOf(service ?? ({} as KubeObject)).selector ?? undefined) as Record<string, string> | undefined;
    if (service === undefined || selector === undefined) return undefined;
    const narrowed = subset === undefined || subset === "" ? {} : subsetLabels(state, host, subset);
    if (narrowed === undefined) return [];
    return workloads.filter((workload) => workload.namespace === match[2] && matches(selector, workload.labels) && matches(narrowed, workload.labels)).map((workload) => workload.port);
  };
}

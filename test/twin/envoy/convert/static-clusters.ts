// Clusters discovered through EDS (or resolved by DNS) become STATIC clusters whose endpoints are loopback
// stand-ins; Istio's agent-only clusters and mutual TLS are dropped.

import { dropIstioMutualTls } from "./strip-istio-extensions.js";
import { stringOf, type Json } from "./json-shapes.js";

/** Loopback ports serving a cluster (its endpoints), or undefined for a cluster the twin has no stand-in for. */
export type EndpointResolver = (clusterName: string) => readonly number[] | undefined;

const DISCOVERED = new Set(["EDS", "STRICT_DNS", "LOGICAL_DNS"]);

// The cluster with its endpoints pointed at loopback; an endpoint-less STATIC cluster when nothing stands in.
export function staticCluster(cluster: Json, resolve: EndpointResolver): Json {
  const name = stringOf(cluster.name) ?? "";
  const type = stringOf(cluster.type) ?? (cluster.clusterType === undefined ? "STATIC" : "CUSTOM");
  const plain = dropIstioMutualTls(cluster);
  if (!DISCOVERED.has(type)) return plain;
  const ports = resolve(name) ?? [];
  const copy: Json = { ...plain, type: "STATIC" };
  delete copy.edsClusterConfig;
  delete copy.dnsLookupFamily;
  delete copy.dnsRefreshRate;
  delete copy.respectDnsTtl;
  copy.loadAssignment = {
    clusterName: name,
    endpoints: [{ lbEndpoints: ports.map((port) => ({ endpoint: { address: { socketAddress: { address: "127.0.0.1", portValue: port } } } })) }],
  };
  return copy;
}

// The cluster-count assertion on a gateway's `proxy-config cluster -o json`, on seed-shaped cluster lists: the
// seed's real catalog cluster object, renamed for the services the platform runs, plus Envoy's static clusters.

import { describe, expect, it } from "vitest";
import { countedClusters, describeClusterCount, evaluateClusterCount, validateClusterCount } from "../../../engine/checks/cluster-count.js";
import { readSeedJson } from "../checks/seed-fixtures.js";

const STATIC = ["BlackHoleCluster", "agent", "prometheus_stats", "sds-grpc", "xds-grpc", "zipkin"];
/** Every service port of the platform's baseline plus catalog and webapp (what an untrimmed gateway holds). */
const MESH_SERVICES = [
  "443||kubernetes.default", "53||kube-dns.kube-system", "9153||kube-dns.kube-system", "15010||istiod.istio-system", "15012||istiod.istio-system",
  "443||istiod.istio-system", "15014||istiod.istio-system", "15021||istio-ingressgateway.istio-system", "80||istio-ingressgateway.istio-system",
  "443||istio-ingressgateway.istio-system", "31400||istio-ingressgateway.istio-system", "9090||prometheus.istio-system", "3000||grafana.istio-system",
  "20001||kiali.istio-system", "9090||kiali.istio-system", "80||tracing.istio-system", "16685||tracing.istio-system", "9411||zipkin.istio-system",
  "14268||jaeger-collector.istio-system", "14250||jaeger-collector.istio-system", "80||catalog.istioinaction", "80||webapp.istioinaction",
];

// The seed's catalog cluster, once per name (fields other than the name are the seed's own).
function clusterList(names: readonly string[]): unknown[] {
  const [template] = readSeedJson("gateway-cluster-catalog.json") as Array<Record<string, unknown>>;
  return names.map((name) => ({ ...template, name }));
}
const outbound = (service: string): string => `outbound|${service}.svc.cluster.local`;
const untrimmed = clusterList([...STATIC, ...MESH_SERVICES.map(outbound)]);
const trimmed = clusterList([...STATIC, outbound("80||webapp.istioinaction")]);

describe("cluster-count", () => {
  it("counts only the clusters with the prefix (the seed's catalog cluster is one)", () => {
    expect(countedClusters({ kind: "cluster-count", prefix: "outbound|", min: 1 }, readSeedJson("gateway-cluster-catalog.json"))).toEqual([
      "outbound|80||catalog.istioinaction.svc.cluster.local",
    ]);
    expect(countedClusters({ kind: "cluster-count", min: 1 }, untrimmed)).toHaveLength(STATIC.length + MESH_SERVICES.length);
    expect(countedClusters({ kind: "cluster-count", prefix: "outbound|", min: 1 }, untrimmed)).toHaveLength(MESH_SERVICES.length);
  });

  it("tells the untrimmed gateway from the trimmed one, both ways", () => {
    const many = { kind: "cluster-count" as const, prefix: "outbound|", min: 10 };
    const few = { kind: "cluster-count" as const, prefix: "outbound|", min: 1, max: 3 };
    expect(evaluateClusterCount(many, untrimmed)).toBeUndefined();
    expect(evaluateClusterCount(few, untrimmed)).toBe(`${MESH_SERVICES.length} outbound| clusters, expected between 1 and 3`);
    expect(evaluateClusterCount(few, trimmed)).toBeUndefined();
    expect(evaluateClusterCount(many, trimmed)).toBe("1 outbound| clusters, expected at least 10");
  });

  it("fails an empty list when a minimum is set (a gateway that is not there holds nothing)", () => {
    expect(evaluateClusterCount({ kind: "cluster-count", prefix: "outbound|", min: 1, max: 3 }, [])).toBe("0 outbound| clusters, expected between 1 and 3");
    expect(evaluateClusterCount({ kind: "cluster-count", max: 0 }, [])).toBeUndefined();
  });

  it("rejects an assertion without bounds or with max below min instead of passing it", () => {
    expect(validateClusterCount({ kind: "cluster-count" })).toEqual(["cluster-count needs min or max"]);
    expect(validateClusterCount({ kind: "cluster-count", min: 3, max: 1 })).toEqual(["cluster-count max 1 is below min 3"]);
    expect(validateClusterCount({ kind: "cluster-count", min: -1 })).toEqual(["cluster-count min must be a whole number >= 0, got -1"]);
    expect(evaluateClusterCount({ kind: "cluster-count" }, untrimmed)).toMatch(/^invalid assertion: cluster-count needs min or max/);
  });

  it("says what it wants in words", () => {
    expect(describeClusterCount({ kind: "cluster-count", prefix: "outbound|", min: 1, max: 3 })).toBe("between 1 and 3 clusters named outbound|...");
    expect(describeClusterCount({ kind: "cluster-count", min: 10 })).toBe("at least 10 clusters");
    expect(describeClusterCount({ kind: "cluster-count", max: 2 })).toBe("at most 2 clusters");
  });
});

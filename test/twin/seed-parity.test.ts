// The twin's istiod against real Istio 1.17.8: the proxy-config fragments the study notes captured on a
// real cluster (test/fixtures/seed) must agree with the twin's goldens for the same lab state, field by
// field, except for the differences listed here. Every listed difference is a field no lab check reads
// (domain list order, deprecated or newer defaults); a new difference fails this test.

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readSeedJson } from "../engine/checks/seed-fixtures.js";
import { goldenFile, goldenStateDir, type ProxyResource } from "./golden-paths.js";
import { subsetDiff } from "./judge/subset-diff.js";

interface ParityCase {
  seed: string;
  labId: string;
  step: number;
  proxy: string;
  resource: ProxyResource;
  /** Route config and virtual host (routes), or cluster name (clusters). */
  select: { routeConfig: string; virtualHost: string } | { cluster: string };
  /** Differences between 1.17.8 and the twin's istiod, each a field no check reads. */
  known: string[];
}

const GATEWAY = "istio-ingressgateway.istio-system";
const WEBAPP = "webapp.istioinaction";
const CATALOG_VH = { routeConfig: "80", virtualHost: "catalog.istioinaction.svc.cluster.local:80" };

const CASES: ParityCase[] = [
  { seed: "gateway-routes-v1.json", labId: "ch5-routing", step: 3, proxy: GATEWAY, resource: "routes", select: { routeConfig: "http.8080", virtualHost: "catalog.istioinaction.io:80" }, known: [] },
  { seed: "gateway-routes-header-match.json", labId: "ch5-routing", step: 4, proxy: GATEWAY, resource: "routes", select: { routeConfig: "http.8080", virtualHost: "catalog.istioinaction.io:80" }, known: [] },
  {
    seed: "webapp-routes-header-match.json",
    labId: "ch5-mesh-routing",
    step: 3,
    proxy: WEBAPP,
    resource: "routes",
    select: CATALOG_VH,
    // Newer istiod adds the FQDN with a trailing dot as the second domain; the ClusterIP is the twin's own.
    known: [
      '.domains[1]: real "catalog", twin "catalog.istioinaction.svc.cluster.local."',
      '.domains[2]: real "catalog.istioinaction.svc", twin "catalog"',
      '.domains[3]: real "catalog.istioinaction", twin "catalog.istioinaction.svc"',
      '.domains[4]: real "10.200.1.254", twin "catalog.istioinaction"',
    ],
  },
  // Envoy deprecated totalWeight; newer istiod leaves it out (weights still sum to 100).
  { seed: "webapp-routes-weighted-90-10.json", labId: "ch5-traffic-shifting", step: 3, proxy: WEBAPP, resource: "routes", select: CATALOG_VH, known: [".routes[0].route.weightedClusters.totalWeight: missing in the twin"] },
  // 1.17.8's default retry policy also retried 503s; newer istiod's does not.
  { seed: "webapp-routes-mirror.json", labId: "ch5-mirror", step: 3, proxy: WEBAPP, resource: "routes", select: CATALOG_VH, known: [".routes[0].route.retryPolicy.retriableStatusCodes: missing in the twin"] },
  { seed: "gateway-cluster-catalog.json", labId: "ch5-routing", step: 2, proxy: GATEWAY, resource: "clusters", select: { cluster: "outbound|80||catalog.istioinaction.svc.cluster.local" }, known: [".circuitBreakers.thresholds[0].trackRemaining: missing in the twin"] },
  { seed: "webapp-cluster-blackhole.json", labId: "ch5-mirror", step: 3, proxy: WEBAPP, resource: "clusters", select: { cluster: "BlackHoleCluster" }, known: [] },
];

type Named = { name?: string; virtualHosts?: Named[] };

// The seed's fragment and the twin's object it was cut from.
function pair(parityCase: ParityCase): { real: unknown; twin: unknown } {
  const golden = JSON.parse(readFileSync(goldenFile(goldenStateDir(process.cwd(), parityCase.labId, parityCase.step), parityCase.proxy, parityCase.resource), "utf8")) as Named[];
  const seed = readSeedJson(parityCase.seed) as Named[];
  if ("cluster" in parityCase.select) {
    const name = parityCase.select.cluster;
    return { real: seed[0], twin: golden.find((cluster) => cluster.name === name) };
  }
  const { routeConfig, virtualHost } = parityCase.select;
  const twinHosts = golden.find((config) => config.name === routeConfig)?.virtualHosts ?? [];
  return { real: seed[0]?.virtualHosts?.[0], twin: twinHosts.find((host) => host.name === virtualHost) };
}

describe("the twin's istiod agrees with real Istio 1.17.8 outputs from the study notes", () => {
  it.each(CASES.map((parityCase) => [parityCase.seed, parityCase] as const))("%s", (_name, parityCase) => {
    const { real, twin } = pair(parityCase);
    expect(twin, `${parityCase.labId}/${parityCase.step}: no counterpart in the twin's ${parityCase.resource}`).toBeDefined();
    expect(subsetDiff(real, twin)).toEqual(parityCase.known);
  });
});

// The fixtures are real istioctl outputs from the seed. The seed often prints only a fragment of the JSON;
// those fragments were wrapped in the fewest brackets that make them valid (a RouteConfiguration array
// named after the command's --name, and a virtual host around a bare route): see test/fixtures/seed/README.md.
import { describe, expect, it } from "vitest";
import type { ProxyConfigAssertion } from "../../../engine/lab-types.js";
import { describeProxyConfigAssertion, evaluateProxyConfig } from "../../../engine/checks/proxy-config.js";
import { readSeedJson } from "./seed-fixtures.js";

const gatewayV1 = readSeedJson("gateway-routes-v1.json");
const gatewayHeader = readSeedJson("gateway-routes-header-match.json");
const webappHeader = readSeedJson("webapp-routes-header-match.json");
const weighted90 = readSeedJson("webapp-routes-weighted-90-10.json");
const mirror = readSeedJson("webapp-routes-mirror.json");
const blackhole = readSeedJson("webapp-cluster-blackhole.json");
const gatewayCluster = readSeedJson("gateway-cluster-catalog.json");

// The real header-match output with its two routes swapped: the default route first.
function withRoutesSwapped(json: unknown): unknown {
  const copy = structuredClone(json) as Array<{ virtualHosts: Array<{ routes: unknown[] }> }>;
  const host = copy[0]?.virtualHosts[0];
  if (host !== undefined) host.routes.reverse();
  return copy;
}

describe("evaluateProxyConfig", () => {
  it("weighted-clusters: 90/10 passes on the 90/10 output only", () => {
    const ninetyTen: ProxyConfigAssertion = { kind: "weighted-clusters", weights: { "version-v1": 90, "version-v2": 10 } };
    expect(evaluateProxyConfig(ninetyTen, weighted90)).toBeUndefined();
    expect(evaluateProxyConfig(ninetyTen, mirror)).toMatch(/^no route splits traffic version-v1 90, version-v2 10; seen: 80: \? -> outbound\|80\|version-v1\|/);
    expect(evaluateProxyConfig(ninetyTen, webappHeader)).toBeDefined();
    const fiftyFifty: ProxyConfigAssertion = { kind: "weighted-clusters", weights: { "version-v1": 50, "version-v2": 50 } };
    expect(evaluateProxyConfig(fiftyFifty, weighted90)).toContain("seen: 80: ? -> outbound|80|version-v1|catalog.istioinaction.svc.cluster.local 90, outbound|80|version-v2|catalog.istioinaction.svc.cluster.local 10");
    expect(evaluateProxyConfig({ kind: "weighted-clusters", weights: { "version-v1": 90 } }, weighted90)).toBeDefined();
  });

  it("header-match: passes when the header route comes first, fails when it comes after the default", () => {
    const header = { kind: "header-match", header: "x-istio-cohort", exact: "internal", cluster: "version-v2", defaultCluster: "version-v1" } as const;
    expect(evaluateProxyConfig(header, gatewayHeader)).toBeUndefined();
    expect(evaluateProxyConfig(header, webappHeader)).toBeUndefined();
    expect(evaluateProxyConfig(header, withRoutesSwapped(gatewayHeader))).toBe(
      "the route for x-istio-cohort=internal is route 2, after the default route 1 of catalog.istioinaction.io:80, so it never matches",
    );
    expect(evaluateProxyConfig(header, gatewayV1)).toMatch(/^no route matches header x-istio-cohort=internal; seen: http\.8080: catalog\.istioinaction\.io -> /);
    expect(evaluateProxyConfig({ ...header, cluster: "version-v3" }, gatewayHeader)).toMatch(/goes to outbound\|80\|version-v2\|.*, not only version-v3$/);
    expect(evaluateProxyConfig({ ...header, exact: "external" }, gatewayHeader)).toBeDefined();
  });

  it("header-match: pins the default route too (a 50/50 default, or one to the wrong subset, fails)", () => {
    const header = { kind: "header-match", header: "x-istio-cohort", exact: "internal", cluster: "version-v2", defaultCluster: "version-v1" } as const;
    const fiftyFiftyDefault = structuredClone(gatewayHeader) as Array<{ virtualHosts: Array<{ routes: Array<{ route: Record<string, unknown> }> }> }>;
    const defaultRoute = fiftyFiftyDefault[0]!.virtualHosts[0]!.routes[1]!;
    defaultRoute.route = {
      weightedClusters: { clusters: [
        { name: "outbound|80|version-v1|catalog.istioinaction.svc.cluster.local", weight: 50 },
        { name: "outbound|80|version-v2|catalog.istioinaction.svc.cluster.local", weight: 50 },
      ] },
    };
    expect(evaluateProxyConfig(header, fiftyFiftyDefault)).toMatch(/^the default route of catalog\.istioinaction\.io:80 goes to .*version-v1.* 50, .*version-v2.* 50, not only version-v1$/);
    expect(evaluateProxyConfig({ ...header, defaultCluster: "version-v3" }, gatewayHeader)).toMatch(/not only version-v3$/);
    const noDefault = structuredClone(gatewayHeader) as Array<{ virtualHosts: Array<{ routes: unknown[] }> }>;
    noDefault[0]!.virtualHosts[0]!.routes.pop();
    expect(evaluateProxyConfig(header, noDefault)).toMatch(/has no default route/);
  });

  it("single-cluster: all of the virtual host's routes go to version-v1", () => {
    const v1Only: ProxyConfigAssertion = { kind: "single-cluster", cluster: "version-v1" };
    expect(evaluateProxyConfig(v1Only, gatewayV1)).toBeUndefined();
    expect(evaluateProxyConfig(v1Only, mirror)).toBeUndefined();
    expect(evaluateProxyConfig(v1Only, gatewayHeader)).toMatch(/^not every route goes to version-v1: http\.8080: catalog\.istioinaction\.io \[x-istio-cohort=internal\] -> outbound\|80\|version-v2/);
    expect(evaluateProxyConfig(v1Only, weighted90)).toBeDefined();
    expect(evaluateProxyConfig({ kind: "single-cluster", cluster: "version-v2" }, gatewayV1)).toMatch(/^no route goes to version-v2/);
  });

  it("mirror: needs requestMirrorPolicies to the v2 cluster, on a route to v1 only, at the stated percentage", () => {
    const mirrored: ProxyConfigAssertion = { kind: "mirror", cluster: "version-v2", routeCluster: "version-v1", percent: 100 };
    expect(evaluateProxyConfig(mirrored, mirror)).toBeUndefined();
    expect(evaluateProxyConfig(mirrored, gatewayV1)).toMatch(/^no route mirrors to version-v2/);
    expect(evaluateProxyConfig(mirrored, weighted90)).toBeDefined();
    expect(evaluateProxyConfig({ ...mirrored, cluster: "version-v1" }, mirror)).toBeDefined();
    expect(evaluateProxyConfig({ ...mirrored, routeCluster: "version-v2" }, mirror)).toMatch(/^no route going only to version-v2 mirrors 100% to version-v2: .*version-v1.*, mirroring 100% to .*version-v2/);
    expect(evaluateProxyConfig({ ...mirrored, percent: 50 }, mirror)).toMatch(/^no route going only to version-v1 mirrors 50%/);
    const halfMirrored = JSON.parse(JSON.stringify(mirror).replace('"numerator":100', '"numerator":50')) as unknown;
    expect(evaluateProxyConfig(mirrored, halfMirrored)).toMatch(/mirroring 50% to/);
  });

  it("no-route, no-destination and cluster-absent fail on an empty or unreadable dump (an absence there proves nothing)", () => {
    for (const dump of [[], "Error: no pods", null]) {
      expect(evaluateProxyConfig({ kind: "no-route", domain: "query.istioinaction.io" }, dump)).toMatch(/holds no routes at all/);
      expect(evaluateProxyConfig({ kind: "no-destination", cluster: "catalog" }, dump)).toMatch(/holds no routes at all/);
      expect(evaluateProxyConfig({ kind: "cluster-absent", name: "outbound|80||catalog.istioinaction.svc.cluster.local" }, dump)).toMatch(/holds no clusters at all/);
    }
    const blackholeOnly = [{ name: "http.8080", virtualHosts: [{ name: "blackhole:80", domains: ["*"] }] }];
    expect(evaluateProxyConfig({ kind: "no-route", domain: "query.istioinaction.io" }, blackholeOnly)).toBeUndefined();
    expect(evaluateProxyConfig({ kind: "cluster-absent", name: "outbound|80||catalog.istioinaction.svc.cluster.local" }, gatewayCluster)).toMatch(/is still there/);
    expect(evaluateProxyConfig({ kind: "cluster-absent", name: "outbound|80||catalog.istioinaction.svc.cluster.local" }, blackhole)).toBeUndefined();
  });

  it("cluster-present: exact cluster names from proxy-config cluster", () => {
    expect(evaluateProxyConfig({ kind: "cluster-present", name: "BlackHoleCluster" }, blackhole)).toBeUndefined();
    expect(evaluateProxyConfig({ kind: "cluster-present", name: "BlackHoleCluster" }, gatewayCluster)).toBe(
      "no cluster named BlackHoleCluster among 1 clusters (outbound|80||catalog.istioinaction.svc.cluster.local)",
    );
    expect(evaluateProxyConfig({ kind: "cluster-present", name: "outbound|80||catalog.istioinaction.svc.cluster.local" }, gatewayCluster)).toBeUndefined();
    expect(evaluateProxyConfig({ kind: "cluster-present", name: "outbound|80||jsonplaceholder.typicode.com" }, [])).toBe(
      "no cluster named outbound|80||jsonplaceholder.typicode.com among 0 clusters",
    );
  });

  it("no-route: fails while a virtual host serves the domain", () => {
    expect(evaluateProxyConfig({ kind: "no-route", domain: "catalog.istioinaction.io" }, webappHeader)).toBeUndefined();
    expect(evaluateProxyConfig({ kind: "no-route", domain: "catalog.istioinaction.io" }, gatewayV1)).toMatch(/^a route for catalog\.istioinaction\.io still exists: http\.8080: /);
    expect(evaluateProxyConfig({ kind: "no-route", domain: "catalog" }, webappHeader)).toBeDefined();
  });

  it("tolerates output that is not route JSON", () => {
    expect(evaluateProxyConfig({ kind: "mirror", cluster: "version-v2", routeCluster: "version-v1", percent: 100 }, "Error: pod not found")).toBe("no route mirrors to version-v2; seen: (no routes)");
    expect(evaluateProxyConfig({ kind: "cluster-present", name: "BlackHoleCluster" }, null)).toBeDefined();
  });
});

describe("describeProxyConfigAssertion", () => {
  it("says what is wanted", () => {
    expect(describeProxyConfigAssertion({ kind: "weighted-clusters", weights: { "version-v1": 90, "version-v2": 10 } })).toBe("a route splits traffic version-v1 90, version-v2 10");
    expect(describeProxyConfigAssertion({ kind: "mirror", cluster: "version-v2", routeCluster: "version-v1", percent: 100 })).toBe("a route going only to version-v1 mirrors 100% of requests to version-v2");
  });
});

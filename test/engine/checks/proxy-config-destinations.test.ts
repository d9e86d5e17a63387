// weighted-clusters, single-cluster and mirror near misses: extra destinations, wrong shares, 0-weight
// entries (Envoy sends them nothing), and mirrors at another percentage or on a route that also goes elsewhere.
import { describe, expect, it } from "vitest";
import { evaluateProxyConfig } from "../../../engine/checks/proxy-config.js";
import type { ProxyConfigAssertion } from "../../../engine/lab-types.js";
import { CATALOG, CATALOG_HOST, mirror, routes, V1, V2, V3, virtualHost } from "./route-json.js";

describe("proxy-config weighted-clusters", () => {
  const ninetyTen: ProxyConfigAssertion = { kind: "weighted-clusters", weights: { "version-v1": 90, "version-v2": 10 } };

  it("passes on the split, whatever the order, with extra 0-weight entries", () => {
    expect(evaluateProxyConfig(ninetyTen, routes([{ weights: { [V2]: 10, [V1]: 90 } }]))).toBeUndefined();
    expect(evaluateProxyConfig(ninetyTen, routes([{ weights: { [V1]: 90, [V2]: 10, [V3]: 0 } }]))).toBeUndefined();
  });

  it("fails when another cluster also gets a share, or one of the weights differs", () => {
    expect(evaluateProxyConfig(ninetyTen, routes([{ weights: { [V1]: 85, [V2]: 10, [V3]: 5 } }]))).toMatch(/^no route splits traffic version-v1 90, version-v2 10; seen: /);
    expect(evaluateProxyConfig(ninetyTen, routes([{ weights: { [V1]: 90, [V2]: 10, [V3]: 1 } }]))).toBeDefined();
    expect(evaluateProxyConfig(ninetyTen, routes([{ weights: { [V1]: 91, [V2]: 9 } }]))).toBeDefined();
    expect(evaluateProxyConfig(ninetyTen, routes([{ weights: { [V1]: 90 } }]))).toBeDefined();
  });

  it("fails when a fragment names two live destinations", () => {
    const split: ProxyConfigAssertion = { kind: "weighted-clusters", weights: { "|version-v1|": 50, catalog: 50 } };
    expect(evaluateProxyConfig(split, routes([{ weights: { [V1]: 50, [CATALOG]: 50 } }]))).toBeDefined();
  });

  it("a 0 weight wants no live destination there", () => {
    const allV1: ProxyConfigAssertion = { kind: "weighted-clusters", weights: { "version-v1": 100, "version-v2": 0 } };
    expect(evaluateProxyConfig(allV1, routes([{ weights: { [V1]: 100, [V2]: 0 } }]))).toBeUndefined();
    expect(evaluateProxyConfig(allV1, routes([{ weights: { [V1]: 100 } }]))).toBeUndefined();
    expect(evaluateProxyConfig(allV1, routes([{ weights: { [V1]: 99, [V2]: 1 } }]))).toBeDefined();
  });

  it("any weighted route may carry the split; the reason shows the weighted ones, else every route", () => {
    const world = routes([{ prefix: "/api", weights: { [V1]: 50, [V2]: 50 } }, { weights: { [V1]: 90, [V2]: 10 } }]);
    expect(evaluateProxyConfig(ninetyTen, world)).toBeUndefined();
    expect(evaluateProxyConfig(ninetyTen, routes([{ cluster: V1 }, { weights: { [V1]: 50, [V2]: 50 } }]))).toBe(`no route splits traffic version-v1 90, version-v2 10; seen: 80: ${CATALOG_HOST} -> ${V1} 50, ${V2} 50`);
    expect(evaluateProxyConfig(ninetyTen, routes([{ cluster: V1 }]))).toBe(`no route splits traffic version-v1 90, version-v2 10; seen: 80: ${CATALOG_HOST} -> ${V1}`);
  });
});

describe("proxy-config single-cluster", () => {
  const v1Only: ProxyConfigAssertion = { kind: "single-cluster", cluster: "version-v1" };

  it("passes when every route of a virtual host goes only to the cluster (0-weight others do not count)", () => {
    expect(evaluateProxyConfig(v1Only, routes([{ prefix: "/api", cluster: V1 }, { cluster: V1 }]))).toBeUndefined();
    expect(evaluateProxyConfig(v1Only, routes([{ weights: { [V1]: 100, [V2]: 0 } }]))).toBeUndefined();
  });

  it("fails when one route of that virtual host sends elsewhere, naming that route", () => {
    expect(evaluateProxyConfig(v1Only, routes([{ prefix: "/api", cluster: V1 }, { cluster: V2 }]))).toMatch(/^not every route goes to version-v1: 80: \S+ -> outbound\|80\|version-v2\|/);
    expect(evaluateProxyConfig(v1Only, routes([{ weights: { [V1]: 90, [V2]: 10 } }]))).toBe(`not every route goes to version-v1: 80: ${CATALOG_HOST} -> ${V1} 90, ${V2} 10`);
    expect(evaluateProxyConfig(v1Only, routes([{ cluster: V1 }, { prefix: "/a", weights: { [V1]: 90, [V2]: 10 } }, { prefix: "/b", cluster: V3 }]))).toBe(
      `not every route goes to version-v1: 80: ${CATALOG_HOST} [prefix /a] -> ${V1} 90, ${V2} 10`,
    );
  });

  it("passes when one virtual host is all v1 while an unrelated one goes elsewhere; fails when no route goes to v1", () => {
    const twoHosts = [{ name: "80", virtualHosts: [virtualHost("catalog:80", ["catalog"], [{ cluster: V1 }]), virtualHost("webapp:80", ["webapp"], [{ cluster: V3 }])] }];
    expect(evaluateProxyConfig(v1Only, twoHosts)).toBeUndefined();
    expect(evaluateProxyConfig(v1Only, routes([{ cluster: V2 }]))).toMatch(/^no route goes to version-v1; seen: /);
    expect(evaluateProxyConfig(v1Only, routes([{ weights: { [V1]: 0, [V2]: 100 } }]))).toMatch(/^no route goes to version-v1/);
  });
});

describe("proxy-config mirror", () => {
  const mirrored = { kind: "mirror", cluster: "version-v2", routeCluster: "version-v1", percent: 100 } as const;

  it("passes on a route only to v1 mirroring to v2, with no fraction or 100 of HUNDRED", () => {
    expect(evaluateProxyConfig(mirrored, routes([{ cluster: V1, mirrors: [mirror(V2)] }]))).toBeUndefined();
    expect(evaluateProxyConfig(mirrored, routes([{ cluster: V1, mirrors: [mirror(V2, 100)] }]))).toBeUndefined();
    expect(evaluateProxyConfig(mirrored, routes([{ weights: { [V1]: 100, [V3]: 0 }, mirrors: [mirror(V2)] }]))).toBeUndefined();
  });

  it("fails when the mirroring route also sends to another cluster", () => {
    expect(evaluateProxyConfig(mirrored, routes([{ weights: { [V1]: 90, [V3]: 10 }, mirrors: [mirror(V2)] }]))).toMatch(/^no route going only to version-v1 mirrors 100% to version-v2: .*version-v1\S* 90, .*version-v3\S* 10, mirroring 100% to /);
    expect(evaluateProxyConfig(mirrored, routes([{ weights: { [V1]: 50, [V2]: 50 }, mirrors: [mirror(V2)] }]))).toBeDefined();
  });

  it("reads the fraction's denominator: 50% is 5000 of TEN_THOUSAND or 500000 of MILLION", () => {
    const half = { ...mirrored, percent: 50 };
    for (const policy of [mirror(V2, 50), mirror(V2, 5_000, "TEN_THOUSAND"), mirror(V2, 500_000, "MILLION")]) {
      expect(evaluateProxyConfig(half, routes([{ cluster: V1, mirrors: [policy] }]))).toBeUndefined();
      expect(evaluateProxyConfig(mirrored, routes([{ cluster: V1, mirrors: [policy] }]))).toMatch(/mirroring 50% to /);
    }
  });

  it("the percentage belongs to the mirror to the cluster, not to another mirror of the route", () => {
    const world = routes([{ cluster: V1, mirrors: [mirror(V3, 100), mirror(V2, 10)] }]);
    expect(evaluateProxyConfig(mirrored, world)).toMatch(/mirroring 100% to \S+version-v3\S*, 10% to \S+version-v2/);
    expect(evaluateProxyConfig({ ...mirrored, percent: 10 }, world)).toBeUndefined();
  });

  it("reads the single requestMirrorPolicy field too", () => {
    const world = [{ name: "80", virtualHosts: [{ name: "catalog:80", domains: ["catalog"], routes: [{ route: { cluster: V1, requestMirrorPolicy: mirror(V2) } }] }] }];
    expect(evaluateProxyConfig(mirrored, world)).toBeUndefined();
  });

  it("passes when a second route is the mirroring one", () => {
    const world = routes([{ prefix: "/api", cluster: V3, mirrors: [mirror(V2)] }, { cluster: V1, mirrors: [mirror(V2)] }]);
    expect(evaluateProxyConfig(mirrored, world)).toBeUndefined();
  });
});

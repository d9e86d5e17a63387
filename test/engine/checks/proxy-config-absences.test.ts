// no-route, no-destination, cluster-present and cluster-absent near misses: the `host:port` domains istiod
// writes, look-alike domains, 0-weight and mirrored destinations, and cluster names that only contain the name.
import { describe, expect, it } from "vitest";
import { evaluateProxyConfig } from "../../../engine/checks/proxy-config.js";
import { CATALOG, CATALOG_HOST, mirror, routes, V1, V2, virtualHost } from "./route-json.js";

const NO_QUERY = { kind: "no-route", domain: "query.istioinaction.io" } as const;

// A gateway's route configuration with one virtual host serving these domains.
function serving(domains: string[]): unknown {
  return routes([{ prefix: "/", cluster: CATALOG }], { config: "http.8080", name: "query.istioinaction.io:80", domains });
}

describe("proxy-config no-route", () => {
  it("fails on the bare domain and on every host:port form of it", () => {
    expect(evaluateProxyConfig(NO_QUERY, serving(["query.istioinaction.io"]))).toMatch(/^a route for query\.istioinaction\.io still exists: http\.8080: query\.istioinaction\.io -> /);
    expect(evaluateProxyConfig(NO_QUERY, serving(["query.istioinaction.io:80"]))).toMatch(/still exists: http\.8080: query\.istioinaction\.io:80 -> /);
    expect(evaluateProxyConfig(NO_QUERY, serving(["query.istioinaction.io:*"]))).toBeDefined();
    expect(evaluateProxyConfig(NO_QUERY, serving(["catalog.istioinaction.io", "query.istioinaction.io:8080"]))).toBeDefined();
  });

  it("names the first virtual host that still serves it", () => {
    const twoHosts = [{ name: "http.8080", virtualHosts: [virtualHost("a:80", ["query.istioinaction.io:80"], [{ cluster: V1 }]), virtualHost("b:80", ["query.istioinaction.io"], [{ cluster: V2 }])] }];
    expect(evaluateProxyConfig(NO_QUERY, twoHosts)).toBe(`a route for query.istioinaction.io still exists: http.8080: query.istioinaction.io:80 -> ${V1}`);
  });

  it("passes on look-alike domains: a longer name, a subdomain, another host with the port", () => {
    expect(evaluateProxyConfig(NO_QUERY, serving(["query.istioinaction.io.evil"]))).toBeUndefined();
    expect(evaluateProxyConfig(NO_QUERY, serving(["api.query.istioinaction.io", "xquery.istioinaction.io:80"]))).toBeUndefined();
    expect(evaluateProxyConfig(NO_QUERY, serving(["*"]))).toBeUndefined();
  });
});

describe("proxy-config no-destination", () => {
  const noV2 = { kind: "no-destination", cluster: "version-v2" } as const;

  it("fails on a route sending to it by weight or mirroring to it; passes when its weight is 0", () => {
    expect(evaluateProxyConfig(noV2, routes([{ weights: { [V1]: 99, [V2]: 1 } }]))).toMatch(/^a route still goes to version-v2: /);
    expect(evaluateProxyConfig(noV2, routes([{ cluster: V1, mirrors: [mirror(V2, 1)] }]))).toMatch(/; mirror \S+version-v2\S* 1%$/);
    expect(evaluateProxyConfig(noV2, routes([{ weights: { [V1]: 100, [V2]: 0 } }]))).toBeUndefined();
    expect(evaluateProxyConfig(noV2, routes([{ cluster: V1 }, { prefix: "/api", cluster: V2 }, { prefix: "/b", cluster: V2 }]))).toBe(`a route still goes to version-v2: 80: ${CATALOG_HOST} [prefix /api] -> ${V2}`);
  });
});

describe("proxy-config cluster-present and cluster-absent", () => {
  const names = (...list: string[]) => list.map((name) => ({ name }));

  it("compare whole cluster names, not fragments", () => {
    expect(evaluateProxyConfig({ kind: "cluster-present", name: "version-v2" }, names(V2))).toMatch(/^no cluster named version-v2 among 1 clusters/);
    expect(evaluateProxyConfig({ kind: "cluster-present", name: V2 }, names(V1, V2))).toBeUndefined();
    expect(evaluateProxyConfig({ kind: "cluster-absent", name: "version-v2" }, names(V2))).toBeUndefined();
    expect(evaluateProxyConfig({ kind: "cluster-absent", name: V2 }, names(V1, V2))).toBe(`cluster ${V2} is still there (among 2 clusters)`);
  });

  it("shows at most five names of the list it searched", () => {
    const six = names("a", "b", "c", "d", "e", "f");
    expect(evaluateProxyConfig({ kind: "cluster-present", name: "g" }, six)).toBe("no cluster named g among 6 clusters (a, b, c, d, e, ...)");
    expect(evaluateProxyConfig({ kind: "cluster-present", name: "g" }, six.slice(0, 5))).toBe("no cluster named g among 5 clusters (a, b, c, d, e)");
  });

  it("an absence in a dump with no routes or clusters proves nothing; one config with no virtual hosts is readable", () => {
    expect(evaluateProxyConfig({ kind: "no-destination", cluster: "version-v2" }, [{ virtualHosts: [] }])).toMatch(/holds no routes at all/);
    expect(evaluateProxyConfig({ kind: "no-destination", cluster: "version-v2" }, [{ name: "80", virtualHosts: [] }])).toBeUndefined();
    expect(evaluateProxyConfig({ kind: "cluster-absent", name: V2 }, [{ type: "EDS" }])).toMatch(/holds no clusters at all/);
  });
});

// header-match near misses: the same header name with another value or no exact value, a default route in
// another virtual host or after the header route, and destinations that are right only in part.
import { describe, expect, it } from "vitest";
import { evaluateProxyConfig } from "../../../engine/checks/proxy-config.js";
import { exactHeader, routes, V1, V2, V3, virtualHost, type RouteSpec } from "./route-json.js";

const HEADER = { kind: "header-match", header: "x-istio-cohort", exact: "internal", cluster: "version-v2", defaultCluster: "version-v1" } as const;
const DEFAULT: RouteSpec = { prefix: "/", cluster: V1 };

// The header route (with the given header conditions and action) before the default route.
function headerWorld(headers: Array<Record<string, unknown>>, action: RouteSpec = { cluster: V2 }, defaultRoute: RouteSpec = DEFAULT): unknown {
  return routes([{ prefix: "/", headers, ...action }, defaultRoute]);
}

describe("proxy-config header-match: which route is the header route", () => {
  it("passes on the exact header, its name in any case, and the legacy exactMatch field", () => {
    expect(evaluateProxyConfig(HEADER, headerWorld([exactHeader("x-istio-cohort", "internal")]))).toBeUndefined();
    expect(evaluateProxyConfig(HEADER, headerWorld([exactHeader("X-Istio-Cohort", "internal")]))).toBeUndefined();
    expect(evaluateProxyConfig(HEADER, headerWorld([{ name: "x-istio-cohort", exactMatch: "internal" }]))).toBeUndefined();
    expect(evaluateProxyConfig(HEADER, headerWorld([exactHeader("x-other", "1"), exactHeader("x-istio-cohort", "internal")]))).toBeUndefined();
  });

  it("the same name with another value is not the header route", () => {
    expect(evaluateProxyConfig(HEADER, headerWorld([exactHeader("x-istio-cohort", "external")]))).toMatch(/^no route matches header x-istio-cohort=internal; seen: .*\[x-istio-cohort=external\]/);
    expect(evaluateProxyConfig(HEADER, headerWorld([exactHeader("x-istio-cohort", "Internal")]))).toMatch(/^no route matches header/);
  });

  it("the name alone (present, prefix or regex, no exact value) is not the header route", () => {
    expect(evaluateProxyConfig(HEADER, headerWorld([{ name: "x-istio-cohort", presentMatch: true }]))).toMatch(/^no route matches header .*x-istio-cohort present/);
    expect(evaluateProxyConfig(HEADER, headerWorld([{ name: "x-istio-cohort", stringMatch: { prefix: "internal" } }]))).toMatch(/^no route matches header/);
    expect(evaluateProxyConfig(HEADER, headerWorld([{ name: "x-istio-cohort", stringMatch: { safeRegex: { regex: "internal" } } }]))).toMatch(/^no route matches header/);
  });

  it("another header name with the same value is not the header route", () => {
    expect(evaluateProxyConfig(HEADER, headerWorld([exactHeader("x-cohort", "internal")]))).toMatch(/^no route matches header/);
    expect(evaluateProxyConfig(HEADER, headerWorld([exactHeader("x-istio-cohort-beta", "internal")]))).toMatch(/^no route matches header/);
  });

  it("an inverted exact match (a VirtualService's withoutHeaders) is the opposite of the header route", () => {
    expect(evaluateProxyConfig(HEADER, headerWorld([{ ...exactHeader("x-istio-cohort", "internal"), invertMatch: true }]))).toMatch(/^no route matches header .*x-istio-cohort!=internal/);
  });
});

describe("proxy-config header-match: where the header route sends", () => {
  const header = [exactHeader("x-istio-cohort", "internal")];

  it("fails when the header route also sends to another cluster, passes when that share is 0", () => {
    expect(evaluateProxyConfig(HEADER, headerWorld(header, { weights: { [V2]: 50, [V1]: 50 } }))).toMatch(/^the route for x-istio-cohort=internal goes to .*version-v2.* 50, .*version-v1.* 50, not only version-v2$/);
    expect(evaluateProxyConfig(HEADER, headerWorld(header, { weights: { [V2]: 100, [V1]: 0 } }))).toBeUndefined();
  });

  it("fails when the header route sends nowhere (no live destination)", () => {
    expect(evaluateProxyConfig(HEADER, headerWorld(header, { weights: { [V2]: 0 } }))).toMatch(/not only version-v2$/);
    expect(evaluateProxyConfig(HEADER, headerWorld(header, {}))).toMatch(/not only version-v2$/);
  });

  it("fails when the default route also sends to another cluster, or to none", () => {
    expect(evaluateProxyConfig(HEADER, headerWorld(header, { cluster: V2 }, { prefix: "/", weights: { [V1]: 90, [V3]: 10 } }))).toMatch(/^the default route of .* goes to .*, not only version-v1$/);
    expect(evaluateProxyConfig(HEADER, headerWorld(header, { cluster: V2 }, { prefix: "/", weights: { [V1]: 0 } }))).toMatch(/not only version-v1$/);
  });

  it("passes when one of two header routes is right (each may serve other paths)", () => {
    const world = routes([{ prefix: "/", headers: header, cluster: V3 }, { prefix: "/", headers: header, cluster: V2 }, DEFAULT]);
    expect(evaluateProxyConfig(HEADER, world)).toBeUndefined();
  });
});

describe("proxy-config header-match: the default route", () => {
  const header = [exactHeader("x-istio-cohort", "internal")];

  it("a route with no match fields, or prefix /, is the default; a longer prefix or a path is not", () => {
    expect(evaluateProxyConfig(HEADER, headerWorld(header, { cluster: V2 }, { cluster: V1 }))).toBeUndefined();
    expect(evaluateProxyConfig(HEADER, headerWorld(header, { cluster: V2 }, { prefix: "/items", cluster: V1 }))).toMatch(/has no default route after the route for x-istio-cohort=internal$/);
    expect(evaluateProxyConfig(HEADER, headerWorld(header, { cluster: V2 }, { path: "/", cluster: V1 }))).toMatch(/has no default route/);
  });

  it("a route with header conditions is not the default", () => {
    expect(evaluateProxyConfig(HEADER, headerWorld(header, { cluster: V2 }, { prefix: "/", headers: [exactHeader("x-other", "1")], cluster: V1 }))).toMatch(/has no default route/);
  });

  it("the default route must be in the header route's virtual host (same config, name and domains)", () => {
    const headerHost = virtualHost("catalog:80", ["catalog"], [{ prefix: "/", headers: header, cluster: V2 }]);
    const otherHosts = [
      [{ name: "8080", virtualHosts: [virtualHost("catalog:80", ["catalog"], [DEFAULT])] }],
      [{ name: "80", virtualHosts: [virtualHost("catalog:8080", ["catalog"], [DEFAULT])] }],
      [{ name: "80", virtualHosts: [virtualHost("catalog:80", ["catalog", "catalog:80"], [DEFAULT])] }],
    ];
    for (const other of otherHosts) {
      expect(evaluateProxyConfig(HEADER, [{ name: "80", virtualHosts: [headerHost] }, ...other])).toMatch(/^the virtual host catalog:80 has no default route/);
    }
    expect(evaluateProxyConfig(HEADER, routes([{ prefix: "/", headers: header, cluster: V2 }, DEFAULT], { name: "catalog:80", domains: ["catalog"] }))).toBeUndefined();
  });

  it("the first catch-all route is the default one; a later one is never reached", () => {
    expect(evaluateProxyConfig(HEADER, routes([{ prefix: "/", headers: header, cluster: V2 }, DEFAULT, { cluster: V3 }]))).toBeUndefined();
    expect(evaluateProxyConfig(HEADER, routes([DEFAULT, { prefix: "/", headers: header, cluster: V2 }, DEFAULT]))).toMatch(/^the route for x-istio-cohort=internal is route 2, after the default route 1 of /);
  });

  it("names the virtual host by its first domain when it has no name, else says 'its virtual host'", () => {
    const world = routes([{ prefix: "/", headers: header, cluster: V2 }], { name: "", domains: ["catalog.istioinaction.io"] });
    expect(evaluateProxyConfig(HEADER, world)).toBe("the virtual host catalog.istioinaction.io has no default route after the route for x-istio-cohort=internal");
    const anonymous = routes([{ prefix: "/", headers: header, cluster: V2 }], { name: "", domains: [] });
    expect(evaluateProxyConfig(HEADER, anonymous)).toBe("the virtual host its virtual host has no default route after the route for x-istio-cohort=internal");
  });
});

describe("proxy-config: the routes a reason shows", () => {
  it("shows up to three routes, then how many more", () => {
    const three = routes([{ prefix: "/a", cluster: V1 }, { prefix: "/b", cluster: V1 }, { cluster: V1 }]);
    expect(evaluateProxyConfig(HEADER, three)).not.toContain("more");
    const four = routes([{ prefix: "/a", cluster: V1 }, { prefix: "/b", cluster: V1 }, { prefix: "/c", cluster: V1 }, { cluster: V1 }]);
    expect(evaluateProxyConfig(HEADER, four)).toMatch(/\[prefix \/c\] -> \S+ \| \.\.\. 1 more$/);
  });
});

// flattenRoutes and readClusterNames on the shapes istioctl prints: every header-match form (inverted ones
// included), weights that are missing, retry conditions with spaces, and JSON that is not route config.
import { describe, expect, it } from "vitest";
import { flattenRoutes, liveDestinations, readClusterNames } from "../../../engine/checks/route-config.js";
import { V1, V2 } from "./route-json.js";

// The header conditions of one route matching these headers.
function headersOf(headers: unknown[]): unknown {
  return flattenRoutes({ name: "80", virtualHosts: [{ name: "h", domains: ["h"], routes: [{ match: { headers } }] }] })[0]?.headers;
}

describe("flattenRoutes: header conditions", () => {
  it("reads exact (both fields), prefix, regex (both fields) and presence", () => {
    expect(headersOf([{ name: "a", stringMatch: { exact: "1" } }, { name: "b", exactMatch: "2" }])).toEqual([{ name: "a", exact: "1", text: "a=1" }, { name: "b", exact: "2", text: "b=2" }]);
    expect(headersOf([{ name: "c", stringMatch: { prefix: "x" } }, { name: "d", prefixMatch: "y" }])).toEqual([{ name: "c", text: "c=x*" }, { name: "d", text: "d=y*" }]);
    expect(headersOf([{ name: "e", stringMatch: { safeRegex: { regex: "^a" } } }, { name: "f", safeRegexMatch: { regex: "b$" } }])).toEqual([{ name: "e", text: "e~^a" }, { name: "f", text: "f~b$" }]);
    expect(headersOf([{ name: "g", presentMatch: true }, {}])).toEqual([{ name: "g", text: "g present" }, { name: "?", text: "? present" }]);
  });

  it("an inverted condition has no exact value and says so", () => {
    expect(headersOf([{ name: "a", stringMatch: { exact: "1" }, invertMatch: true }])).toEqual([{ name: "a", text: "a!=1" }]);
    expect(headersOf([{ name: "g", presentMatch: true, invertMatch: true }])).toEqual([{ name: "g", text: "not g present" }]);
    expect(headersOf([{ name: "a", stringMatch: { exact: "1" }, invertMatch: false }])).toEqual([{ name: "a", exact: "1", text: "a=1" }]);
  });
});

describe("flattenRoutes: actions", () => {
  const [route] = flattenRoutes([
    {
      name: "80",
      virtualHosts: [{ name: "h", domains: ["h", 7, "h:80"], routes: [{ match: { prefix: "/", path: "/x" }, route: { weightedClusters: { clusters: [{ name: V1, weight: 90 }, { name: V2 }, { weight: 5 }] }, retryPolicy: { retryOn: "5xx, gateway-error", numRetries: "3" } } }] }],
    },
  ]);

  it("keeps string domains, prefix and path, and reads a missing weight as 0 and a missing name as ?", () => {
    expect(route).toMatchObject({ configName: "80", virtualHost: "h", domains: ["h", "h:80"], index: 0, prefix: "/", path: "/x" });
    expect(route?.destinations).toEqual([{ cluster: V1, weight: 90 }, { cluster: V2, weight: 0 }, { cluster: "?", weight: 5 }]);
    expect(liveDestinations(route!)).toEqual([{ cluster: V1, weight: 90 }, { cluster: "?", weight: 5 }]);
  });

  it("splits retryOn on commas (spaces trimmed) and drops a numRetries that is not a number", () => {
    expect(route?.retry).toEqual({ retryOn: ["5xx", "gateway-error"] });
  });

  it("reads a single config as well as the array, and nothing from what is not route config", () => {
    expect(flattenRoutes({ name: "80", virtualHosts: [{ routes: [{}] }] })).toEqual([{ configName: "80", virtualHost: "", domains: [], index: 0, headers: [], destinations: [], mirrors: [] }]);
    expect(flattenRoutes("Error: no pods")).toEqual([]);
    expect(flattenRoutes(null)).toEqual([]);
  });
});

describe("readClusterNames", () => {
  it("lists the names, skipping entries without one", () => {
    expect(readClusterNames([{ name: "a" }, { type: "EDS" }, "b", { name: 3 }, { name: "c" }])).toEqual(["a", "c"]);
    expect(readClusterNames({ name: "only" })).toEqual(["only"]);
  });
});

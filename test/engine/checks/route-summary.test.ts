import { describe, expect, it } from "vitest";
import { summariseClusters, summariseRoutes } from "../../../engine/checks/route-summary.js";
import { flattenRoutes } from "../../../engine/checks/route-config.js";
import { readSeedJson } from "./seed-fixtures.js";

describe("summariseRoutes", () => {
  it("writes one line per route of the real outputs", () => {
    expect(summariseRoutes(readSeedJson("webapp-routes-weighted-90-10.json"))).toBe(
      "80: ? -> outbound|80|version-v1|catalog.istioinaction.svc.cluster.local 90, outbound|80|version-v2|catalog.istioinaction.svc.cluster.local 10",
    );
    expect(summariseRoutes(readSeedJson("webapp-routes-header-match.json")).split("\n")).toEqual([
      "80: catalog.istioinaction.svc.cluster.local [x-istio-cohort=internal] -> outbound|80|version-v2|catalog.istioinaction.svc.cluster.local",
      "80: catalog.istioinaction.svc.cluster.local -> outbound|80|version-v1|catalog.istioinaction.svc.cluster.local",
    ]);
    expect(summariseRoutes(readSeedJson("webapp-routes-mirror.json"))).toBe(
      "80: ? -> outbound|80|version-v1|catalog.istioinaction.svc.cluster.local; mirror outbound|80|version-v2|catalog.istioinaction.svc.cluster.local 100%",
    );
    expect(summariseRoutes([])).toBe("(no routes)");
  });

  it("reads header matches, prefixes and mirror fractions", () => {
    const [route] = flattenRoutes(readSeedJson("gateway-routes-header-match.json"));
    expect(route).toMatchObject({ configName: "http.8080", virtualHost: "catalog.istioinaction.io:80", index: 0, prefix: "/", headers: [{ name: "x-istio-cohort", exact: "internal" }] });
    const [mirrored] = flattenRoutes(readSeedJson("webapp-routes-mirror.json"));
    expect(mirrored?.mirrors).toEqual([{ cluster: "outbound|80|version-v2|catalog.istioinaction.svc.cluster.local", percent: 100 }]);
  });
});

describe("summariseClusters", () => {
  it("lists cluster names", () => {
    expect(summariseClusters(readSeedJson("webapp-cluster-blackhole.json"))).toBe("BlackHoleCluster");
    expect(summariseClusters([])).toBe("(no clusters)");
  });
});

import { describe, expect, it } from "vitest";
import { parseJsonPath, selectJsonPath, stringifyJsonValue } from "../../../engine/checks/json-path.js";
import { readSeedJson } from "./seed-fixtures.js";

const blackhole = readSeedJson("webapp-cluster-blackhole.json");
const weighted = readSeedJson("webapp-routes-weighted-90-10.json");

describe("selectJsonPath", () => {
  it("walks fields and indexes of real istioctl output", () => {
    expect(selectJsonPath(blackhole, "$[0].name")).toEqual({ found: true, value: "BlackHoleCluster" });
    expect(selectJsonPath(blackhole, '$[-1]["connectTimeout"]')).toEqual({ found: true, value: "10s" });
    expect(selectJsonPath({ status: { phase: "Succeeded" } }, ".status.phase")).toEqual({ found: true, value: "Succeeded" });
  });

  it("returns every match of [*] as an array", () => {
    const weights = selectJsonPath(weighted, "$[0].virtualHosts[0].routes[*].route.weightedClusters.clusters[*].weight");
    expect(weights).toEqual({ found: true, value: [90, 10] });
    expect(selectJsonPath(weighted, "$[*].nothing")).toEqual({ found: true, value: [] });
  });

  it("says where a path stops", () => {
    expect(selectJsonPath(blackhole, "$[0].status.phase")).toEqual({ found: false, reason: '$[0] has no field "status"' });
    expect(selectJsonPath(blackhole, "$[3]")).toEqual({ found: false, reason: "$ has 1 items, no index 3" });
    expect(selectJsonPath(blackhole, "$[0].name[0]")).toEqual({ found: false, reason: "$[0].name is not an array" });
  });

  it("rejects malformed paths", () => {
    expect(() => parseJsonPath("$.a[")).toThrow(/invalid JSON path "\$\.a\[" at character 4/);
    expect(() => parseJsonPath("status")).toThrow(/invalid JSON path/);
    expect(parseJsonPath("$['a b'][2]")).toEqual([{ kind: "field", name: "a b" }, { kind: "index", index: 2 }]);
  });
});

describe("stringifyJsonValue", () => {
  it("leaves strings unquoted and writes the rest as compact JSON", () => {
    expect(stringifyJsonValue("Running")).toBe("Running");
    expect(stringifyJsonValue([90, 10])).toBe("[90,10]");
    expect(stringifyJsonValue(null)).toBe("null");
  });
});

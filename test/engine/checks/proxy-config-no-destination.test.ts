import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { evaluateProxyConfig } from "../../../engine/checks/proxy-config.js";
import { projectRoot } from "../../../core/paths.js";
import { readSeedJson } from "./seed-fixtures.js";

const NO_CATALOG = { kind: "no-destination", cluster: "catalog.istioinaction.svc.cluster.local" } as const;

describe("proxy-config no-destination", () => {
  it("fails on the seed's gateway routes that send to catalog (v1 subset, and by header)", () => {
    expect(evaluateProxyConfig(NO_CATALOG, readSeedJson("gateway-routes-v1.json"))).toMatch(/a route still goes to catalog/);
    expect(evaluateProxyConfig(NO_CATALOG, readSeedJson("gateway-routes-header-match.json"))).toMatch(/a route still goes to catalog/);
  });

  it("counts mirrors as destinations", () => {
    expect(evaluateProxyConfig({ kind: "no-destination", cluster: "version-v2" }, readSeedJson("webapp-routes-mirror.json"))).toMatch(/version-v2/);
  });

  it("passes on the same gateway routes once they go to webapp instead", () => {
    const text = readFileSync(join(projectRoot(), "test/labs/fixtures/gateway-routes-default.json"), "utf8");
    expect(evaluateProxyConfig(NO_CATALOG, JSON.parse(text))).toBeDefined();
    const toWebapp = JSON.parse(text.replaceAll("catalog.istioinaction.svc.cluster.local", "webapp.istioinaction.svc.cluster.local")) as unknown;
    expect(evaluateProxyConfig(NO_CATALOG, toWebapp)).toBeUndefined();
  });
});

// The golden process edge answers istioctl the way istioctl filters its output: route config by exact
// --name, clusters by --fqdn contained in the name; a missing proxy or an empty section is istioctl's error.

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { answerProxyConfig } from "./golden-istioctl.js";

const dir = mkdtempSync(join(tmpdir(), "golden-istioctl-"));
writeFileSync(join(dir, "webapp.istioinaction.routes.json"), JSON.stringify([{ name: "80" }, { name: "8080" }, { name: "http.80" }]));
writeFileSync(join(dir, "webapp.istioinaction.clusters.json"), JSON.stringify([{ name: "BlackHoleCluster" }, { name: "outbound|80||catalog.istioinaction.svc.cluster.local" }]));
writeFileSync(join(dir, "istio-ingressgateway.istio-system.routes.json"), "[]\n");

const parsed = (answer: { stdout?: string }) => JSON.parse(answer.stdout ?? "null") as unknown;

describe("istioctl proxy-config answered from goldens", () => {
  it("keeps only the route config named by --name", () => {
    expect(parsed(answerProxyConfig(dir, ["proxy-config", "routes", "deploy/webapp.istioinaction", "--name", "80", "-o", "json"]))).toEqual([{ name: "80" }]);
  });

  it("keeps the clusters whose name contains --fqdn, and prints [] when none does", () => {
    const args = (fqdn: string) => ["proxy-config", "cluster", "deploy/webapp.istioinaction", "--fqdn", fqdn, "-o", "json"];
    expect(parsed(answerProxyConfig(dir, args("catalog.istioinaction.svc.cluster.local")))).toEqual([{ name: "outbound|80||catalog.istioinaction.svc.cluster.local" }]);
    expect(parsed(answerProxyConfig(dir, args("jsonplaceholder.typicode.com")))).toEqual([]);
  });

  it("fails like istioctl for a Deployment that does not exist and for a proxy without routes", () => {
    expect(answerProxyConfig(dir, ["proxy-config", "routes", "deploy/forum.istioinaction", "-o", "json"])).toMatchObject({ exitCode: 1, stderr: expect.stringContaining('"forum" not found') });
    expect(answerProxyConfig(dir, ["proxy-config", "routes", "deploy/istio-ingressgateway.istio-system", "-o", "json"])).toMatchObject({ exitCode: 1, stderr: "Error: no routes found" });
  });
});

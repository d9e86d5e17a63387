// Config-level facts of the istiod twin's committed goldens that no proxy-config check reads: the gateway's
// access log through ch4-access-logs, the gateway's clusters with and without
// PILOT_FILTER_GATEWAY_CLUSTER_CONFIG, TLS termination and passthrough by SNI, the HTTPS redirect, the
// EnvoyFilter's Lua filter, and the extra gateways two labs install.

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { goldenFile, goldenStateDir, type ProxyResource } from "./golden-paths.js";
import { accessLogsOf, findListener, httpFilterNamesOf, sniChainsOf, tlsChainsOf } from "./judge/listener-facts.js";

const projectRoot = process.cwd();
const GATEWAY = "istio-ingressgateway.istio-system";

function golden(labId: string, step: number, proxy: string, resource: ProxyResource): unknown {
  return JSON.parse(readFileSync(goldenFile(goldenStateDir(projectRoot, labId, step), proxy, resource), "utf8"));
}

function gatewayHttpAccessLogs(step: number): unknown[] {
  const listener = findListener(golden("ch4-access-logs", step, GATEWAY, "listeners"), "0.0.0.0_8080");
  if (listener === undefined) throw new Error(`ch4-access-logs step ${step}: the gateway has no listener 0.0.0.0_8080`);
  return accessLogsOf(listener);
}

function outboundClusters(step: number): string[] {
  return (golden("ch4-gateway-config-trim", step, GATEWAY, "clusters") as Array<{ name: string }>).map((cluster) => cluster.name).filter((name) => name.startsWith("outbound|"));
}

describe("ch4-access-logs at config level (gateway listener 0.0.0.0_8080)", () => {
  it("logs with the baseline's mesh-wide access log, stops when it is turned off, logs again with the Telemetry", () => {
    expect(gatewayHttpAccessLogs(1).length).toBeGreaterThan(0);
    expect(gatewayHttpAccessLogs(2)).toEqual([]);
    expect(gatewayHttpAccessLogs(4).length).toBeGreaterThan(0);
  });
});

describe("ch4-gateway-config-trim at config level", () => {
  it("PILOT_FILTER_GATEWAY_CLUSTER_CONFIG=true keeps only the cluster the gateway's routes use", () => {
    const full = outboundClusters(1);
    const trimmed = outboundClusters(2);
    expect(full).toContain("outbound|80||catalog.istioinaction.svc.cluster.local");
    expect(trimmed).toEqual(["outbound|80||webapp.istioinaction.svc.cluster.local"]);
    expect(full).toEqual(expect.arrayContaining(trimmed));
  });
});

describe("ch4-sni-passthrough at config level (gateway listener 0.0.0.0_31400)", () => {
  const chains = (step: number) => {
    const listener = findListener(golden("ch4-sni-passthrough", step, GATEWAY, "listeners"), "0.0.0.0_31400");
    return listener === undefined ? [] : sniChainsOf(listener).filter((chain) => chain.serverNames.length > 0);
  };

  it("each SNI host forwards the encrypted stream to its own service, the second only after its VirtualService", () => {
    const forwards = (step: number) => chains(step).map((chain) => `${chain.serverNames.join(",")} -> ${chain.clusters.join(",")}`);
    expect(forwards(2)).toEqual(["simple-sni-1.istioinaction.io -> outbound|80||simple-tls-service-1.istioinaction.svc.cluster.local"]);
    expect(forwards(3)).toEqual([
      "simple-sni-1.istioinaction.io -> outbound|80||simple-tls-service-1.istioinaction.svc.cluster.local",
      "simple-sni-2.istioinaction.io -> outbound|80||simple-tls-service-2.istioinaction.svc.cluster.local",
    ]);
  });
});

describe("extra gateways at config level", () => {
  it("ch4-split-gateway: my-user-gateway proxies TCP 31400 to tcp-echo-service:2701", () => {
    const listener = findListener(golden("ch4-split-gateway", 3, "my-user-gateway.istioinaction", "listeners"), "0.0.0.0_31400");
    expect(listener && sniChainsOf(listener).flatMap((chain) => chain.clusters)).toEqual(["outbound|2701||tcp-echo-service.istioinaction.svc.cluster.local"]);
  });

  it("ch4-gateway-injection: the injected gateway routes port 80 (listener 8080) to catalog", () => {
    const routes = golden("ch4-gateway-injection", 3, "my-user-gateway-injected.istioinaction", "routes") as Array<{ name: string }>;
    expect(routes.map((route) => route.name)).toContain("http.8080");
    expect(JSON.stringify(routes)).toContain("outbound|80||catalog.istioinaction.svc.cluster.local");
  });
});

describe("the ch4 TLS labs at config level (gateway listener 0.0.0.0_8443)", () => {
  const chains = (labId: string, step: number) => {
    const listener = findListener(golden(labId, step, GATEWAY, "listeners"), "0.0.0.0_8443");
    return listener === undefined ? [] : tlsChainsOf(listener);
  };

  it("ch4-tls serves webapp-credential for webapp.istioinaction.io without asking for a client certificate", () => {
    expect(chains("ch4-tls", 2)).toEqual([{ serverNames: ["webapp.istioinaction.io"], secrets: ["kubernetes://webapp-credential"], requireClientCertificate: false }]);
  });

  it("ch4-mtls requires a client certificate, verified against the ca.crt of webapp-credential-mtls", () => {
    expect(chains("ch4-mtls", 3)).toEqual([
      { serverNames: ["webapp.istioinaction.io"], secrets: ["kubernetes://webapp-credential-mtls", "kubernetes://webapp-credential-mtls-cacert"], requireClientCertificate: true },
    ]);
  });

  it("ch4-multi-host-tls picks each host's own certificate by SNI on the one port", () => {
    expect(chains("ch4-multi-host-tls", 2).map((chain) => `${chain.serverNames.join(",")}: ${chain.secrets.join(",")}`).sort()).toEqual([
      "catalog.istioinaction.io: kubernetes://catalog-credential",
      "webapp.istioinaction.io: kubernetes://webapp-credential",
    ]);
  });

  it("ch4-https-redirect makes port 80's virtual host demand TLS (Envoy answers 301 to https)", () => {
    const routes = golden("ch4-https-redirect", 2, GATEWAY, "routes") as Array<{ name: string; virtualHosts: Array<{ name: string; requireTls?: string }> }>;
    const http = routes.find((config) => config.name === "http.8080")?.virtualHosts.find((host) => host.name === "webapp.istioinaction.io:80");
    expect(http?.requireTls).toBe("ALL");
  });
});

describe("extra-envoyfilter-lua at config level", () => {
  it("catalog's inbound HTTP chains run buffer, then Lua, then the router", () => {
    const listener = findListener(golden("extra-envoyfilter-lua", 2, "catalog.istioinaction", "listeners"), "virtualInbound");
    const filters = listener === undefined ? [] : httpFilterNamesOf(listener);
    const buffer = filters.indexOf("envoy.filters.http.buffer");
    const lua = filters.indexOf("envoy.filters.http.lua");
    expect(buffer).toBeGreaterThanOrEqual(0);
    expect(lua).toBeGreaterThan(buffer);
    expect(filters.indexOf("envoy.filters.http.router", lua)).toBeGreaterThan(lua);
  });
});

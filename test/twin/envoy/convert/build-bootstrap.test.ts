// The converter's rules on small inputs in istioctl's shape (camelCase protobuf JSON).

import { describe, expect, it } from "vitest";
import { buildBootstrap } from "./build-bootstrap.js";
import type { Json } from "./json-shapes.js";
import { staticCluster } from "./static-clusters.js";
import { isIstioOnlyFilter, stripIstioExtensions } from "./strip-istio-extensions.js";

const HCM = "type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager";
const router = { name: "envoy.filters.http.router", typedConfig: { "@type": "type.googleapis.com/envoy.extensions.filters.http.router.v3.Router" } };
const nullVm = { name: "istio.stats", typedConfig: { "@type": "type.googleapis.com/envoy.extensions.filters.http.wasm.v3.Wasm", config: { vmConfig: { runtime: "envoy.wasm.runtime.null" } } } };
const authn = { name: "istio_authn", typedConfig: { "@type": "type.googleapis.com/io.istio.network.authn.Config" } };
const typedStruct = { name: "x", typedConfig: { "@type": "type.googleapis.com/udpa.type.v1.TypedStruct", typeUrl: "type.googleapis.com/io.istio.http.peer_metadata.Config" } };

function listener(name: string, port: number, extra: Json = {}): Json {
  return {
    name,
    address: { socketAddress: { address: "0.0.0.0", portValue: port } },
    filterChains: [{ filters: [authn, { name: "envoy.filters.network.http_connection_manager", typedConfig: { "@type": HCM, rds: { routeConfigName: "http.8080" }, httpFilters: [nullVm, typedStruct, router] } }] }],
    ...extra,
  };
}

describe("isIstioOnlyFilter", () => {
  it("knows Istio's filters by name, by io.istio type, typed struct and null-VM Wasm, and keeps upstream ones", () => {
    expect([nullVm, authn, typedStruct, { name: "istio.metadata_exchange" }].map(isIstioOnlyFilter)).toEqual([true, true, true, true]);
    expect([router, { name: "envoy.filters.http.wasm", typedConfig: { "@type": nullVm.typedConfig["@type"], config: { vmConfig: { runtime: "envoy.wasm.runtime.v8" } } } }].map(isIstioOnlyFilter)).toEqual([false, false]);
  });

  it("removes them at every depth but never the connection manager that holds them", () => {
    const { config, removed } = stripIstioExtensions(listener("l", 8080));
    expect(removed.sort()).toEqual(["istio.stats", "istio_authn", "x"]);
    expect(JSON.stringify(config)).toContain("envoy.filters.network.http_connection_manager");
    expect(JSON.stringify(config)).toContain("envoy.filters.http.router");
  });
});

describe("staticCluster", () => {
  it("turns EDS into STATIC on the resolved loopback ports and drops Istio's mutual TLS", () => {
    const eds = { name: "outbound|80||catalog.istioinaction.svc.cluster.local", type: "EDS", edsClusterConfig: { serviceName: "x" }, transportSocketMatches: [{ name: "tlsMode-istio" }] };
    const converted = staticCluster(eds, () => [4100, 4200]);
    expect(converted.type).toBe("STATIC");
    expect(converted.edsClusterConfig).toBeUndefined();
    expect(converted.transportSocketMatches).toBeUndefined();
    expect(JSON.stringify(converted.loadAssignment)).toBe(JSON.stringify({ clusterName: eds.name, endpoints: [{ lbEndpoints: [4100, 4200].map((port) => ({ endpoint: { address: { socketAddress: { address: "127.0.0.1", portValue: port } } } })) }] }));
  });

  it("leaves clusters that need no discovery (BlackHoleCluster, ORIGINAL_DST passthrough) as they are", () => {
    expect(staticCluster({ name: "BlackHoleCluster", type: "STATIC" }, () => [1])).toEqual({ name: "BlackHoleCluster", type: "STATIC" });
    expect(staticCluster({ name: "PassthroughCluster", type: "ORIGINAL_DST" }, () => [1]).type).toBe("ORIGINAL_DST");
  });
});

describe("buildBootstrap", () => {
  const routes = [{ name: "http.8080", virtualHosts: [] }];
  const sds = (name: string) => ({ name, sdsConfig: { ads: {} } });
  const tls = { transportSocket: { name: "envoy.transport_sockets.tls", typedConfig: { commonTlsContext: { tlsCertificateSdsSecretConfigs: [sds("kubernetes://webapp-credential")] } } } };

  it("binds served listeners to loopback, inlines their routes and keeps the deprecated-features runtime", () => {
    const dump = { listeners: [listener("0.0.0.0_8080", 8080), listener("virtualOutbound", 15001, { useOriginalDst: true }), listener("0.0.0.0_80", 80, { bindToPort: false })], routes, clusters: [] };
    const converted = buildBootstrap(dump, { endpoints: () => [], secret: () => undefined });
    expect([...converted.listenerByPort]).toEqual([[8080, "0.0.0.0_8080"]]);
    const text = JSON.stringify(converted.bootstrap);
    expect(text).toContain('"routeConfig":{"name":"http.8080","virtualHosts":[]}');
    expect(text).toContain('"address":{"socket_address":{"address":"127.0.0.1","port_value":0}}');
    expect(text).toContain('"envoy.features.enable_all_deprecated_features":true');
    // A sidecar's outbound listener (bindToPort false) is served when asked for by port.
    expect([...buildBootstrap(dump, { ports: [80], endpoints: () => [], secret: () => undefined }).listenerByPort]).toEqual([[80, "0.0.0.0_80"]]);
  });

  it("turns SDS references into static secrets, and refuses a secret the lab never generated", () => {
    const dump = { listeners: [listener("0.0.0.0_8443", 8443, { filterChains: [{ filters: [], ...tls }] })], routes, clusters: [] };
    const converted = buildBootstrap(dump, { endpoints: () => [], secret: (name) => (name === "kubernetes://webapp-credential" ? { kind: "certificate", certPem: "CERT", keyPem: "KEY" } : undefined) });
    const text = JSON.stringify(converted.bootstrap);
    expect(text).toContain('"tlsCertificateSdsSecretConfigs":[{"name":"kubernetes://webapp-credential"}]');
    expect(text).toContain('"secrets":[{"name":"kubernetes://webapp-credential","tlsCertificate":{"certificateChain":{"inlineString":"CERT"},"privateKey":{"inlineString":"KEY"}}}]');
    expect(() => buildBootstrap(dump, { endpoints: () => [], secret: () => undefined })).toThrow(/references secret kubernetes:\/\/webapp-credential, which the lab never generated/);
  });

  it("refuses a connection manager whose RDS name the routes do not hold", () => {
    expect(() => buildBootstrap({ listeners: [listener("0.0.0.0_8080", 8080)], routes: [], clusters: [] }, { endpoints: () => [], secret: () => undefined })).toThrow(/asks RDS for http\.8080/);
  });
});

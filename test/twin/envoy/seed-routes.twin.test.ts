// The converter on real Istio output: the seed's gateway routes (`proxy-config routes --name http.8080 -o json`
// after the header-match VirtualService) and its catalog cluster, behind a gateway listener carrying Istio's
// own filters, load into upstream Envoy and route by header to catalog v1 and v2 stand-ins.

import { get as httpGet } from "node:http";
import { afterAll, beforeAll, expect, it } from "vitest";
import { readSeedJson } from "../../engine/checks/seed-fixtures.js";
import { buildBootstrap } from "./convert/build-bootstrap.js";
import { listOf, type Json } from "./convert/json-shapes.js";
import { describeTwin } from "./harness/describe-twin.js";
import { startEnvoy, type RunningEnvoy } from "./harness/start-envoy.js";
import { startCatalogStandIn, type CatalogStandIn } from "./standins/catalog-standin.js";

const HCM = "type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager";
const WASM = "type.googleapis.com/envoy.extensions.filters.http.wasm.v3.Wasm";

// An Istio Wasm plugin compiled into Istio's Envoy (the "null" VM).
const nullVm = (name: string, code: string): Json => ({
  name,
  typedConfig: { "@type": WASM, config: { vmConfig: { runtime: "envoy.wasm.runtime.null", code: { local: { inlineString: code } } } } },
});

// The gateway listener as Istio 1.17 prints it, trimmed to what matters here: RDS for http.8080 and Istio's
// null-VM Wasm filters (metadata exchange, stats) before the router.
function gatewayListener(): Json {
  return {
    name: "0.0.0.0_8080",
    address: { socketAddress: { address: "0.0.0.0", portValue: 8080 } },
    filterChains: [
      {
        filters: [
          {
            name: "envoy.filters.network.http_connection_manager",
            typedConfig: {
              "@type": HCM,
              statPrefix: "outbound_0.0.0.0_8080",
              rds: { configSource: { ads: {}, initialFetchTimeout: "0s", resourceApiVersion: "V3" }, routeConfigName: "http.8080" },
              httpFilters: [
                nullVm("istio.metadata_exchange", "envoy.wasm.metadata_exchange"),
                nullVm("istio.stats", "envoy.wasm.stats"),
                { name: "envoy.filters.http.router", typedConfig: { "@type": "type.googleapis.com/envoy.extensions.filters.http.router.v3.Router" } },
              ],
            },
          },
        ],
      },
    ],
  };
}

// The seed's catalog cluster under the subset names the routes use (istiod prints subset clusters the same way).
function subsetClusters(): Json[] {
  const [cluster] = listOf(readSeedJson("gateway-cluster-catalog.json"));
  if (cluster === undefined) throw new Error("the seed's gateway-cluster-catalog.json holds no cluster");
  return ["version-v1", "version-v2"].map((subset) => ({ ...cluster, name: `outbound|80|${subset}|catalog.istioinaction.svc.cluster.local` }));
}

let v1: CatalogStandIn;
let v2: CatalogStandIn;
let envoy: RunningEnvoy | undefined;
beforeAll(async () => {
  [v1, v2] = await Promise.all([startCatalogStandIn("v1"), startCatalogStandIn("v2")]);
});
afterAll(async () => {
  await Promise.all([envoy?.stop(), v1.close(), v2.close()]);
});

function convert(): ReturnType<typeof buildBootstrap> {
  return buildBootstrap(
    { listeners: [gatewayListener()], routes: listOf(readSeedJson("gateway-routes-header-match.json")), clusters: subsetClusters() },
    { endpoints: (name) => (name.includes("|version-v2|") ? [v2.server.port] : [v1.server.port]), secret: () => undefined },
  );
}

// GET /items with the gateway's Host (fetch() cannot set Host, node:http can).
function getItems(port: number, headers: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = httpGet({ host: "127.0.0.1", port, path: "/items", headers: { host: "catalog.istioinaction.io", ...headers } }, (response) => {
      let body = "";
      response.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
      response.on("end", () => resolve(`${response.statusCode ?? 0} ${body}`));
    });
    request.on("error", reject);
  });
}

describeTwin("the seed's real gateway routes in real Envoy", () => {
  it("strips Istio's null-VM filters, inlines http.8080 and makes the EDS clusters static", () => {
    const converted = convert();
    expect(converted.removed.sort()).toEqual(["istio.metadata_exchange", "istio.stats"]);
    const text = JSON.stringify(converted.bootstrap);
    expect(text).not.toContain('"rds"');
    expect(text).not.toContain("edsClusterConfig");
    expect(text).toContain('"type":"STATIC"');
  });

  it("routes x-istio-cohort: internal to v2 and everything else to v1", async () => {
    envoy = await startEnvoy(convert().bootstrap);
    const port = envoy.listenerPorts.get("0.0.0.0_8080") ?? 0;
    expect(await getItems(port, { "x-istio-cohort": "internal" })).toMatch(/^200 .*imageUrl/);
    expect(await getItems(port)).toMatch(/^200 \[\{"id":1/);
    expect(await getItems(port)).not.toContain("imageUrl");
  });

  it("upstream Envoy refuses the same config with Istio's metadata exchange put back", async () => {
    const bootstrap = JSON.parse(JSON.stringify(convert().bootstrap)) as { staticResources: { listeners: { filterChains: { filters: { typedConfig: { httpFilters: Json[] } }[] }[] }[] } };
    bootstrap.staticResources.listeners[0]?.filterChains[0]?.filters[0]?.typedConfig.httpFilters.unshift(nullVm("istio.metadata_exchange", "envoy.wasm.metadata_exchange"));
    await expect(startEnvoy(bootstrap)).rejects.toThrow(/Envoy ended/);
  });
});

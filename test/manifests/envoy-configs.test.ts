// The Envoy bootstrap configs the ch3 labs mount into envoyproxy/envoy (labs/**/*.envoy.yaml): not Kubernetes
// objects, so the manifest suites skip them; here they must hold the book's shape and load on newer Envoy too.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { projectRoot } from "../../core/paths.js";
import { RETRY_CONFIG, SIMPLE_CONFIG, TIMEOUT_CONFIG } from "../../labs/shared/envoy-docker.js";
import { listManifestFiles } from "./helpers/manifest-files.js";
import { at, listAt, type Json } from "./helpers/object-walk.js";

const root = projectRoot();
const files = listManifestFiles(root, "envoy");
const load = (file: string): Json => parse(readFileSync(join(root, file), "utf8")) as Json;
const routeOf = (config: Json): Json => {
  const filter = listAt(listAt(listAt(config, "static_resources.listeners")[0] ?? {}, "filter_chains")[0] ?? {}, "filters")[0] ?? {};
  return (listAt(listAt(at(filter, "typed_config.route_config") as Json, "virtual_hosts")[0] ?? {}, "routes")[0]?.["route"] ?? {}) as Json;
};

describe("Envoy configs of the ch3 labs", () => {
  it("are exactly the three configs the labs mount", () => {
    expect(files).toEqual([TIMEOUT_CONFIG, RETRY_CONFIG, SIMPLE_CONFIG].sort());
  });

  it.each(files)("%s: admin 15000, listener 15001, cluster httpbin_service at httpbin:8000 (LOGICAL_DNS)", (file) => {
    const config = load(file);
    expect(at(config, "admin.address.socket_address.port_value")).toBe(15000);
    const listener = listAt(config, "static_resources.listeners")[0]!;
    expect(at(listener, "address.socket_address.port_value")).toBe(15001);
    const cluster = listAt(config, "static_resources.clusters")[0]!;
    expect(cluster["name"]).toBe("httpbin_service");
    expect(cluster["type"]).toBe("LOGICAL_DNS");
    const endpoint = listAt(listAt(at(cluster, "load_assignment") as Json, "endpoints")[0]!, "lb_endpoints")[0]!;
    expect(at(endpoint, "endpoint.address.socket_address")).toEqual({ address: "httpbin", port_value: 8000 });
    expect(routeOf(config)["cluster"]).toBe("httpbin_service");
  });

  it.each(files)("%s: the router filter names its typed_config (newer Envoy rejects it without)", (file) => {
    const filter = listAt(listAt(listAt(load(file), "static_resources.listeners")[0]!, "filter_chains")[0]!, "filters")[0]!;
    const router = listAt(at(filter, "typed_config") as Json, "http_filters").find((f) => f["name"] === "envoy.filters.http.router");
    expect(at(router ?? {}, "typed_config.@type")).toBe("type.googleapis.com/envoy.extensions.filters.http.router.v3.Router");
  });

  it("differ only where the book's files do: a 1 s timeout, and retry_on 5xx with 3 retries", () => {
    expect(routeOf(load(SIMPLE_CONFIG))).toEqual({ auto_host_rewrite: true, cluster: "httpbin_service" });
    expect(routeOf(load(TIMEOUT_CONFIG))).toEqual({ auto_host_rewrite: true, cluster: "httpbin_service", timeout: "1s" });
    expect(routeOf(load(RETRY_CONFIG))).toEqual({ auto_host_rewrite: true, cluster: "httpbin_service", retry_policy: { retry_on: "5xx", num_retries: 3 } });
  });
});

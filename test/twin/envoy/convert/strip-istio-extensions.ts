// Istio-only extensions upstream Envoy does not register (metadata exchange, ALPN override, stats plugins,
// authn, null-VM Wasm), removed from every filter list of listeners, HTTP connection managers and clusters.

import { listOf, mapObjects, recordOf, stringOf, type Json } from "./json-shapes.js";

/** Filter lists that may hold an Istio-only filter. */
const FILTER_LISTS = ["listenerFilters", "filters", "httpFilters"] as const;

const TYPED_STRUCTS = new Set(["type.googleapis.com/udpa.type.v1.TypedStruct", "type.googleapis.com/xds.type.v3.TypedStruct"]);
const WASM_FILTERS = new Set(["type.googleapis.com/envoy.extensions.filters.http.wasm.v3.Wasm", "type.googleapis.com/envoy.extensions.filters.network.wasm.v3.Wasm"]);

// True for a filter only Istio's Envoy build knows (judged on the filter itself, never on what it nests).
export function isIstioOnlyFilter(filter: Json): boolean {
  const name = stringOf(filter.name) ?? "";
  if (name.startsWith("istio.") || name === "istio_authn") return true;
  const config = recordOf(filter.typedConfig);
  const type = stringOf(config["@type"]) ?? "";
  if (type.includes("io.istio.")) return true;
  if (TYPED_STRUCTS.has(type)) return (stringOf(config.typeUrl) ?? "").includes("io.istio.");
  // Istio's Wasm plugins compiled into its Envoy run in the "null" VM, which upstream Envoy lacks.
  if (WASM_FILTERS.has(type)) return recordOf(recordOf(config.config).vmConfig).runtime === "envoy.wasm.runtime.null";
  return false;
}

// The config without Istio-only filters, and the names removed (for the harness's report).
export function stripIstioExtensions<T>(config: T): { config: T; removed: string[] } {
  const removed = new Set<string>();
  const keep = (filter: Json): boolean => {
    if (!isIstioOnlyFilter(filter)) return true;
    removed.add(stringOf(filter.name) ?? "(unnamed)");
    return false;
  };
  const strip = (value: unknown): unknown =>
    mapObjects(value, (object) => {
      if (!FILTER_LISTS.some((key) => Array.isArray(object[key]))) return undefined;
      const kept = (key: string, list: unknown): unknown => {
        if (!(FILTER_LISTS as readonly string[]).includes(key) || !Array.isArray(list)) return strip(list);
        return strip(listOf(list).filter(keep));
      };
      return Object.fromEntries(Object.entries(object).map(([key, value]) => [key, kept(key, value)]));
    });
  return { config: strip(config) as T, removed: [...removed] };
}

// Istio's mutual TLS between sidecars (SDS secrets `default` and `ROOTCA` from the agent): the stand-ins speak plain text.
export function dropIstioMutualTls(cluster: Json): Json {
  const copy: Json = { ...cluster };
  delete copy.transportSocketMatches;
  const socket = JSON.stringify(recordOf(copy.transportSocket));
  if (socket.includes('"ROOTCA"') || socket.includes('"name":"default"')) delete copy.transportSocket;
  return copy;
}

// Facts read from `istioctl proxy-config listeners -o json` output: access logs of HTTP connection
// managers, and the SNI filter chains of TCP/TLS listeners with the cluster each forwards to.

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

// Every object under `value` (itself included) that has `key`.
function objectsWithKey(value: unknown, key: string): Json[] {
  if (Array.isArray(value)) return value.flatMap((item) => objectsWithKey(item, key));
  if (!isObject(value)) return [];
  return [...(key in value ? [value] : []), ...Object.values(value).flatMap((item) => objectsWithKey(item, key))];
}

/** A listener by name (e.g. `0.0.0.0_8080`), or undefined. */
export function findListener(listeners: unknown, name: string): Json | undefined {
  return (Array.isArray(listeners) ? listeners : []).find((listener): listener is Json => isObject(listener) && listener["name"] === name);
}

// The access log sinks of every HTTP connection manager in the listener ([] when access logging is off).
export function accessLogsOf(listener: Json): unknown[] {
  const managers = objectsWithKey(listener, "@type").filter((config) => String(config["@type"]).endsWith("HttpConnectionManager"));
  return managers.flatMap((manager) => (Array.isArray(manager["accessLog"]) ? manager["accessLog"] : []));
}

// Per filter chain of the listener: the SNI names it matches and the clusters its tcp_proxy forwards to.
export function sniChainsOf(listener: Json): Array<{ serverNames: string[]; clusters: string[] }> {
  const chains = Array.isArray(listener["filterChains"]) ? listener["filterChains"] : [];
  return chains.filter(isObject).map((chain) => {
    const match = isObject(chain["filterChainMatch"]) ? chain["filterChainMatch"] : {};
    const serverNames = Array.isArray(match["serverNames"]) ? match["serverNames"].map(String) : [];
    const clusters = objectsWithKey(chain["filters"], "cluster").map((config) => String(config["cluster"]));
    return { serverNames, clusters };
  });
}

// Per filter chain of the listener: its SNI names, the SDS secrets it serves and whether it requires a client certificate.
export function tlsChainsOf(listener: Json): Array<{ serverNames: string[]; secrets: string[]; requireClientCertificate: boolean }> {
  const chains = Array.isArray(listener["filterChains"]) ? listener["filterChains"] : [];
  return chains.filter(isObject).map((chain) => {
    const match = isObject(chain["filterChainMatch"]) ? chain["filterChainMatch"] : {};
    const serverNames = Array.isArray(match["serverNames"]) ? match["serverNames"].map(String) : [];
    const secrets = objectsWithKey(chain["transportSocket"], "name").map((config) => String(config["name"])).filter((name) => name.startsWith("kubernetes://"));
    const require = objectsWithKey(chain["transportSocket"], "requireClientCertificate")[0]?.["requireClientCertificate"];
    return { serverNames, secrets, requireClientCertificate: require === true };
  });
}

// The names of every HTTP filter in the listener's connection managers, in order, chain after chain.
export function httpFilterNamesOf(listener: Json): string[] {
  return objectsWithKey(listener, "httpFilters").flatMap((manager) => (Array.isArray(manager["httpFilters"]) ? manager["httpFilters"] : []).filter(isObject).map((filter) => String(filter["name"])));
}

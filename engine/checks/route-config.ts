// Reads the JSON of `istioctl proxy-config routes <pod> -o json` (an array of Envoy RouteConfiguration)
// into flat, typed routes. Lenient on purpose: missing fields become empty, unknown fields are ignored.

/** A header condition of a route match. */
export interface HeaderCondition {
  name: string;
  /** The exact value when the condition is an exact string match. */
  exact?: string;
  /** The condition in words, e.g. `x-istio-cohort=internal`, `x-user~^a.*`, `x-debug present`. */
  text: string;
}

/** Where a route sends requests; weight is absent for a plain `cluster`. */
export interface RouteDestination {
  cluster: string;
  weight?: number;
}

/** One route of one virtual host, in Envoy's evaluation order. */
export interface FlatRoute {
  configName: string;
  virtualHost: string;
  domains: string[];
  /** Position within its virtual host, from 0. */
  index: number;
  prefix?: string;
  path?: string;
  headers: HeaderCondition[];
  destinations: RouteDestination[];
  mirrors: { cluster: string; percent?: number }[];
  /** Envoy's retryPolicy of the route, when it has one (Istio sets a default on every route). */
  retry?: { retryOn: string[]; numRetries?: number };
}

type Json = Record<string, unknown>;

// Every route of every virtual host, in order; accepts the array istioctl prints or a single config.
export function flattenRoutes(json: unknown): FlatRoute[] {
  const configs = Array.isArray(json) ? json : [json];
  return configs.flatMap((config) => {
    const configName = stringOf(recordOf(config).name) ?? "";
    return arrayOf(recordOf(config).virtualHosts).flatMap((host) => {
      const virtualHost = stringOf(recordOf(host).name) ?? "";
      const domains = arrayOf(recordOf(host).domains).filter((domain): domain is string => typeof domain === "string");
      return arrayOf(recordOf(host).routes).map((route, index) => readRoute(recordOf(route), { configName, virtualHost, domains, index }));
    });
  });
}

// The names of the clusters in `istioctl proxy-config cluster <pod> -o json` (an array of Envoy Cluster).
export function readClusterNames(json: unknown): string[] {
  const clusters = Array.isArray(json) ? json : [json];
  return clusters.map((cluster) => stringOf(recordOf(cluster).name)).filter((name): name is string => name !== undefined);
}

// Destinations that receive traffic (weight > 0, or a plain cluster).
export function liveDestinations(route: FlatRoute): RouteDestination[] {
  return route.destinations.filter((destination) => destination.weight === undefined || destination.weight > 0);
}

function readRoute(route: Json, where: Omit<FlatRoute, "prefix" | "path" | "headers" | "destinations" | "mirrors" | "retry">): FlatRoute {
  const match = recordOf(route.match);
  const action = recordOf(route.route);
  const flat: FlatRoute = {
    ...where,
    headers: arrayOf(match.headers).map((header) => readHeader(recordOf(header))),
    destinations: readDestinations(action),
    mirrors: readMirrors(action),
  };
  const retryPolicy = recordOf(action.retryPolicy);
  const retryOn = stringOf(retryPolicy.retryOn);
  if (retryOn !== undefined) {
    const numRetries = retryPolicy.numRetries;
    flat.retry = { retryOn: retryOn.split(",").map((condition) => condition.trim()), ...(typeof numRetries === "number" ? { numRetries } : {}) };
  }
  const prefix = stringOf(match.prefix);
  const path = stringOf(match.path);
  if (prefix !== undefined) flat.prefix = prefix;
  if (path !== undefined) flat.path = path;
  return flat;
}

function readHeader(header: Json): HeaderCondition {
  const condition = readHeaderMatch(header);
  if (header.invertMatch !== true) return condition;
  // invertMatch (a VirtualService's withoutHeaders) matches every request the condition does not.
  return { name: condition.name, text: condition.exact === undefined ? `not ${condition.text}` : `${condition.name}!=${condition.exact}` };
}

function readHeaderMatch(header: Json): HeaderCondition {
  const name = stringOf(header.name) ?? "?";
  const stringMatch = recordOf(header.stringMatch);
  const exact = stringOf(stringMatch.exact) ?? stringOf(header.exactMatch);
  if (exact !== undefined) return { name, exact, text: `${name}=${exact}` };
  const regex = stringOf(recordOf(stringMatch.safeRegex).regex) ?? stringOf(recordOf(header.safeRegexMatch).regex);
  if (regex !== undefined) return { name, text: `${name}~${regex}` };
  const prefix = stringOf(stringMatch.prefix) ?? stringOf(header.prefixMatch);
  if (prefix !== undefined) return { name, text: `${name}=${prefix}*` };
  return { name, text: `${name} present` };
}

function readDestinations(action: Json): RouteDestination[] {
  const cluster = stringOf(action.cluster);
  if (cluster !== undefined) return [{ cluster }];
  return arrayOf(recordOf(action.weightedClusters).clusters).map((entry) => {
    const weight = recordOf(entry).weight;
    return { cluster: stringOf(recordOf(entry).name) ?? "?", weight: typeof weight === "number" ? weight : 0 };
  });
}

function readMirrors(action: Json): { cluster: string; percent?: number }[] {
  const policies = [...arrayOf(action.requestMirrorPolicies), ...(action.requestMirrorPolicy === undefined ? [] : [action.requestMirrorPolicy])];
  return policies.map((policy) => {
    const cluster = stringOf(recordOf(policy).cluster) ?? "?";
    const fraction = recordOf(recordOf(recordOf(policy).runtimeFraction).defaultValue);
    if (typeof fraction.numerator !== "number") return { cluster };
    return { cluster, percent: fraction.numerator / denominatorOf(fraction.denominator) };
  });
}

function denominatorOf(value: unknown): number {
  if (value === "TEN_THOUSAND") return 100;
  if (value === "MILLION") return 10_000;
  return 1;
}

function recordOf(value: unknown): Json {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : {};
}

function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function stringOf(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

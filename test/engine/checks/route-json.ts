// Builds `istioctl proxy-config routes -o json` output (Envoy RouteConfiguration) for near-miss worlds:
// only the fields the judgements read, spelled as Envoy prints them.

type Json = Record<string, unknown>;

/** The catalog's cluster names as istiod writes them (`outbound|80|<subset>|<host>`). */
export const CATALOG_HOST = "catalog.istioinaction.svc.cluster.local";
export const V1 = `outbound|80|version-v1|${CATALOG_HOST}`;
export const V2 = `outbound|80|version-v2|${CATALOG_HOST}`;
export const V3 = `outbound|80|version-v3|${CATALOG_HOST}`;
export const CATALOG = `outbound|80||${CATALOG_HOST}`;

/** One route: what it matches and where it sends. */
export interface RouteSpec {
  prefix?: string;
  path?: string;
  headers?: Json[];
  /** A plain `cluster` action. */
  cluster?: string;
  /** A `weightedClusters` action, cluster name -> weight. */
  weights?: Record<string, number>;
  mirrors?: Json[];
  retry?: Json;
}

// A RouteConfiguration array with one virtual host.
export function routes(specs: RouteSpec[], host: { config?: string; name?: string; domains?: string[] } = {}): Json[] {
  const { config = "80", name = `${CATALOG_HOST}:80`, domains = [CATALOG_HOST] } = host;
  return [{ name: config, virtualHosts: [virtualHost(name, domains, specs)] }];
}

// One virtual host of a RouteConfiguration.
export function virtualHost(name: string, domains: string[], specs: RouteSpec[]): Json {
  return { name, domains, routes: specs.map(route) };
}

// `{ name, stringMatch: { exact } }`, the form istiod writes for a VirtualService's `headers.<name>.exact`.
export function exactHeader(name: string, exact: string): Json {
  return { name, stringMatch: { exact } };
}

// A mirror policy; no numerator means Envoy mirrors every request.
export function mirror(cluster: string, numerator?: number, denominator?: string): Json {
  if (numerator === undefined) return { cluster };
  return { cluster, runtimeFraction: { defaultValue: { numerator, ...(denominator === undefined ? {} : { denominator }) } } };
}

function route(spec: RouteSpec): Json {
  const match: Json = {};
  if (spec.prefix !== undefined) match.prefix = spec.prefix;
  if (spec.path !== undefined) match.path = spec.path;
  if (spec.headers !== undefined) match.headers = spec.headers;
  const action: Json = {};
  if (spec.cluster !== undefined) action.cluster = spec.cluster;
  if (spec.weights !== undefined) action.weightedClusters = { clusters: Object.entries(spec.weights).map(([name, weight]) => ({ name, weight })) };
  if (spec.mirrors !== undefined) action.requestMirrorPolicies = spec.mirrors;
  if (spec.retry !== undefined) action.retryPolicy = spec.retry;
  return { match, route: action };
}

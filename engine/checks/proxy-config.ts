// Assertions on Envoy's configuration as istioctl prints it (`proxy-config routes|cluster ... -o json`).
// Cluster names are matched by fragment (`version-v2` matches `outbound|80|version-v2|catalog...`).

import type { ProxyConfigAssertion } from "../lab-types.js";
import { flattenRoutes, liveDestinations, readClusterNames, type FlatRoute } from "./route-config.js";
import { formatDestinations, formatRoute } from "./route-summary.js";

// undefined when the proxy's config satisfies the assertion, else a one-line reason.
export function evaluateProxyConfig(assertion: ProxyConfigAssertion, json: unknown): string | undefined {
  switch (assertion.kind) {
    case "weighted-clusters":
      return checkWeights(assertion.weights, flattenRoutes(json));
    case "header-match":
      return checkHeaderMatch(assertion, flattenRoutes(json));
    case "single-cluster":
      return checkSingleCluster(assertion.cluster, flattenRoutes(json));
    case "mirror":
      return checkMirror(assertion, flattenRoutes(json));
    case "cluster-present":
      return checkClusterPresent(assertion.name, readClusterNames(json));
    case "cluster-absent":
      return checkClusterAbsent(assertion.name, readClusterNames(json));
    case "no-route":
      return emptyDumpReason(json) ?? checkNoRoute(assertion.domain, flattenRoutes(json));
    case "no-destination":
      return emptyDumpReason(json) ?? checkNoDestination(assertion.cluster, flattenRoutes(json));
    case "retry-policy":
      return checkRetryPolicy(assertion.cluster, assertion.retryOn, assertion.numRetries, flattenRoutes(json));
  }
}

// What the assertion wants, in words.
export function describeProxyConfigAssertion(assertion: ProxyConfigAssertion): string {
  switch (assertion.kind) {
    case "weighted-clusters":
      return `a route splits traffic ${formatWeights(assertion.weights)}`;
    case "header-match":
      return `a route for header ${assertion.header}=${assertion.exact} goes only to ${assertion.cluster}, before the default route, which goes only to ${assertion.defaultCluster}`;
    case "single-cluster":
      return `every route of the virtual host goes to ${assertion.cluster}`;
    case "mirror":
      return `a route going only to ${assertion.routeCluster} mirrors ${assertion.percent}% of requests to ${assertion.cluster}`;
    case "cluster-present":
      return `cluster ${assertion.name} exists`;
    case "cluster-absent":
      return `no cluster ${assertion.name} (among a non-empty cluster list)`;
    case "no-route":
      return `no route for ${assertion.domain}`;
    case "no-destination":
      return `no route sends or mirrors to ${assertion.cluster}`;
    case "retry-policy":
      return `every route to ${assertion.cluster} retries ${assertion.retryOn} ${assertion.numRetries} times`;
  }
}

function checkWeights(weights: Record<string, number>, routes: FlatRoute[]): string | undefined {
  const wanted = Object.entries(weights);
  const weighted = routes.filter((route) => route.destinations.some((destination) => destination.weight !== undefined));
  const matches = (route: FlatRoute) => {
    const live = liveDestinations(route);
    const covered = wanted.every(([fragment, weight]) => {
      const hits = live.filter((destination) => destination.cluster.includes(fragment));
      return weight === 0 ? hits.length === 0 : hits.length === 1 && hits[0]?.weight === weight;
    });
    return covered && live.every((destination) => wanted.some(([fragment]) => destination.cluster.includes(fragment)));
  };
  if (weighted.some(matches)) return undefined;
  const seen = weighted.length > 0 ? weighted : routes;
  return `no route splits traffic ${formatWeights(weights)}; seen: ${describeSome(seen)}`;
}

type HeaderMatch = Extract<ProxyConfigAssertion, { kind: "header-match" }>;

function checkHeaderMatch(assertion: HeaderMatch, routes: FlatRoute[]): string | undefined {
  const { header, exact } = assertion;
  const isHeaderRoute = (route: FlatRoute) => route.headers.some((condition) => condition.name.toLowerCase() === header.toLowerCase() && condition.exact === exact);
  const headerRoutes = routes.filter(isHeaderRoute);
  if (headerRoutes.length === 0) return `no route matches header ${header}=${exact}; seen: ${describeSome(routes)}`;
  const problems = headerRoutes.map((route) => headerRouteProblem(assertion, route, routes));
  return problems.includes(undefined) ? undefined : problems[0];
}

// Why this header route does not do what the assertion says: its destination, its place, or the default route after it.
function headerRouteProblem(assertion: HeaderMatch, route: FlatRoute, routes: FlatRoute[]): string | undefined {
  const label = `${assertion.header}=${assertion.exact}`;
  if (!sendsOnlyTo(route, assertion.cluster)) return `the route for ${label} goes to ${formatDestinations(route)}, not only ${assertion.cluster}`;
  const defaultRoute = routes.find((other) => sameVirtualHost(other, route) && isCatchAll(other));
  const host = route.virtualHost || route.domains[0] || "its virtual host";
  if (defaultRoute === undefined) return `the virtual host ${host} has no default route after the route for ${label}`;
  if (defaultRoute.index < route.index) return `the route for ${label} is route ${route.index + 1}, after the default route ${defaultRoute.index + 1} of ${host}, so it never matches`;
  if (!sendsOnlyTo(defaultRoute, assertion.defaultCluster)) return `the default route of ${host} goes to ${formatDestinations(defaultRoute)}, not only ${assertion.defaultCluster}`;
  return undefined;
}

// The route's live destinations are all (and at least one) clusters containing `cluster`.
function sendsOnlyTo(route: FlatRoute, cluster: string): boolean {
  const live = liveDestinations(route);
  return live.length > 0 && live.every((destination) => destination.cluster.includes(cluster));
}

function checkSingleCluster(cluster: string, routes: FlatRoute[]): string | undefined {
  const hosts = groupByVirtualHost(routes);
  const involved = hosts.filter((host) => host.some((route) => liveDestinations(route).some((destination) => destination.cluster.includes(cluster))));
  if (involved.length === 0) return `no route goes to ${cluster}; seen: ${describeSome(routes)}`;
  const pure = involved.find((host) => host.every((route) => liveDestinations(route).every((destination) => destination.cluster.includes(cluster))));
  if (pure !== undefined) return undefined;
  const stray = involved.flatMap((host) => host).find((route) => liveDestinations(route).some((destination) => !destination.cluster.includes(cluster)));
  return `not every route goes to ${cluster}: ${stray === undefined ? describeSome(routes) : formatRoute(stray)}`;
}

function checkMirror(assertion: Extract<ProxyConfigAssertion, { kind: "mirror" }>, routes: FlatRoute[]): string | undefined {
  const mirroring = routes.filter((route) => route.mirrors.some((mirror) => mirror.cluster.includes(assertion.cluster)));
  if (mirroring.length === 0) return `no route mirrors to ${assertion.cluster}; seen: ${describeSome(routes)}`;
  const exact = mirroring.find((route) => sendsOnlyTo(route, assertion.routeCluster) && route.mirrors.some((mirror) => mirror.cluster.includes(assertion.cluster) && mirrorPercent(mirror) === assertion.percent));
  if (exact !== undefined) return undefined;
  const seen = mirroring.map((route) => `${formatDestinations(route)}, mirroring ${route.mirrors.map((mirror) => `${mirrorPercent(mirror)}% to ${mirror.cluster}`).join(", ")}`);
  return `no route going only to ${assertion.routeCluster} mirrors ${assertion.percent}% to ${assertion.cluster}: ${seen.join(" | ")}`;
}

// Envoy mirrors everything when a policy has no runtimeFraction.
function mirrorPercent(mirror: { percent?: number }): number {
  return mirror.percent ?? 100;
}

// A dump with no route configuration (empty or unreadable) proves nothing by an absence; a configuration
// whose only virtual host is Envoy's blackhole (a Gateway no VirtualService binds) is a real, readable state.
function emptyDumpReason(json: unknown): string | undefined {
  const configs = Array.isArray(json) ? json.filter((config: unknown) => typeof (config as { name?: unknown } | null)?.name === "string") : [];
  return configs.length === 0 ? "the dump holds no routes at all (empty or unreadable), so an absence proves nothing" : undefined;
}

function checkClusterAbsent(name: string, names: string[]): string | undefined {
  if (names.length === 0) return `the dump holds no clusters at all (empty or unreadable), so the absence of ${name} proves nothing`;
  return names.includes(name) ? `cluster ${name} is still there (among ${names.length} clusters)` : undefined;
}

function checkClusterPresent(name: string, names: string[]): string | undefined {
  if (names.includes(name)) return undefined;
  const shown = names.slice(0, 5).join(", ");
  return `no cluster named ${name} among ${names.length} clusters${names.length > 0 ? ` (${shown}${names.length > 5 ? ", ..." : ""})` : ""}`;
}

function checkNoRoute(domain: string, routes: FlatRoute[]): string | undefined {
  const found = routes.find((route) => route.domains.some((candidate) => candidate === domain || candidate.startsWith(`${domain}:`)));
  return found === undefined ? undefined : `a route for ${domain} still exists: ${formatRoute(found)}`;
}

function checkNoDestination(cluster: string, routes: FlatRoute[]): string | undefined {
  const found = routes.find((route) => [...liveDestinations(route), ...route.mirrors].some((target) => target.cluster.includes(cluster)));
  return found === undefined ? undefined : `a route still goes to ${cluster}: ${formatRoute(found)}`;
}

function checkRetryPolicy(cluster: string, retryOn: string, numRetries: number, routes: FlatRoute[]): string | undefined {
  const toCluster = routes.filter((route) => liveDestinations(route).some((destination) => destination.cluster.includes(cluster)));
  if (toCluster.length === 0) return `no route goes to ${cluster}; seen: ${describeSome(routes)}`;
  if (toCluster.every((route) => route.retry?.retryOn.includes(retryOn) && route.retry.numRetries === numRetries)) return undefined;
  const seen = toCluster.map((route) => (route.retry ? `retryOn ${route.retry.retryOn.join(",")} numRetries ${route.retry.numRetries ?? "unset"}` : "no retry policy"));
  return `the route to ${cluster} does not retry ${retryOn} ${numRetries} times: ${[...new Set(seen)].join(" | ")}`;
}

// A route that catches whatever the routes before it did not: no header conditions, prefix "/" or none.
function isCatchAll(route: FlatRoute): boolean {
  return route.headers.length === 0 && route.path === undefined && (route.prefix === undefined || route.prefix === "/");
}

function sameVirtualHost(a: FlatRoute, b: FlatRoute): boolean {
  return a.configName === b.configName && a.virtualHost === b.virtualHost && a.domains.join() === b.domains.join();
}

function groupByVirtualHost(routes: FlatRoute[]): FlatRoute[][] {
  const groups: FlatRoute[][] = [];
  for (const route of routes) {
    const group = groups.find((candidate) => candidate[0] !== undefined && sameVirtualHost(candidate[0], route));
    if (group === undefined) groups.push([route]);
    else group.push(route);
  }
  return groups;
}

function formatWeights(weights: Record<string, number>): string {
  return Object.entries(weights).map(([fragment, weight]) => `${fragment} ${weight}`).join(", ");
}

function describeSome(routes: FlatRoute[], max = 3): string {
  if (routes.length === 0) return "(no routes)";
  const shown = routes.slice(0, max).map(formatRoute).join(" | ");
  return routes.length > max ? `${shown} | ... ${routes.length - max} more` : shown;
}

// Short text forms of Envoy routes and clusters for the "seen" column of a proxy-config check.

import { flattenRoutes, readClusterNames, type FlatRoute } from "./route-config.js";

// One line per route: `80: catalog.istioinaction.svc.cluster.local [x-istio-cohort=internal] -> outbound|80|version-v2|...`.
export function summariseRoutes(json: unknown, maxLines = 20): string {
  const routes = flattenRoutes(json);
  if (routes.length === 0) return "(no routes)";
  const lines = routes.slice(0, maxLines).map(formatRoute);
  if (routes.length > maxLines) lines.push(`... ${routes.length - maxLines} more routes`);
  return lines.join("\n");
}

// The cluster names, comma separated: `BlackHoleCluster, outbound|80||catalog...`.
export function summariseClusters(json: unknown, maxNames = 20): string {
  const names = readClusterNames(json);
  if (names.length === 0) return "(no clusters)";
  const shown = names.slice(0, maxNames).join(", ");
  return names.length > maxNames ? `${shown}, ... ${names.length - maxNames} more` : shown;
}

// One route as text (see summariseRoutes).
export function formatRoute(route: FlatRoute): string {
  const host = route.domains[0] ?? (route.virtualHost === "" ? "?" : route.virtualHost);
  const conditions = [
    ...(route.path !== undefined ? [`path ${route.path}`] : route.prefix !== undefined && route.prefix !== "/" ? [`prefix ${route.prefix}`] : []),
    ...route.headers.map((header) => header.text),
  ];
  const when = conditions.length > 0 ? ` [${conditions.join(", ")}]` : "";
  const mirrors = route.mirrors.map((mirror) => `; mirror ${mirror.cluster}${mirror.percent === undefined ? "" : ` ${mirror.percent}%`}`).join("");
  return `${route.configName === "" ? "?" : route.configName}: ${host}${when} -> ${formatDestinations(route)}${mirrors}`;
}

// The destinations of a route: `outbound|80|version-v1|... 90, outbound|80|version-v2|... 10`.
export function formatDestinations(route: FlatRoute): string {
  if (route.destinations.length === 0) return "(no cluster)";
  return route.destinations.map((destination) => (destination.weight === undefined ? destination.cluster : `${destination.cluster} ${destination.weight}`)).join(", ");
}

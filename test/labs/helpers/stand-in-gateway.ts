// Stand-ins for the ingress gateway on 127.0.0.1: what Envoy answers with no route, and catalog v1 and v2
// behind one Service with no routing rules (the state before the subset, header, mirror and weighted steps).

import type { IncomingMessage, ServerResponse } from "node:http";

/** A catalog v1 response (as the book's service returns it): items without imageUrl. */
export const V1_BODY = '[{"id":1,"color":"amber","department":"Eyewear","name":"Elinor Glasses","price":"282.00"}]';
/** A catalog v2 response (SHOW_IMAGE=true): the same items with imageUrl. */
export const V2_BODY = '[{"id":1,"color":"amber","department":"Eyewear","name":"Elinor Glasses","price":"282.00","imageUrl":"http://lorempixel.com/640/480"}]';

// Envoy's answer when no route matches (`route_not_found`): 404 with an empty body.
export function routeNotFound(_request: IncomingMessage, response: ServerResponse): void {
  response.writeHead(404, { server: "istio-envoy", "content-length": "0" });
  response.end();
}

/** Where catalog answers through the gateway: its own host, and webapp's API that calls it. */
const CATALOG_PATHS: Record<string, string> = { "catalog.istioinaction.io": "/items", "webapp.istioinaction.io": "/api/catalog" };

/** A gateway handler and how many v1/v2 responses it gave. */
export interface NoRoutingGateway {
  handler: (request: IncomingMessage, response: ServerResponse) => void;
  served: () => { v1: number; v2: number };
}

// Both versions behind the catalog Service, no rules: each host's catalog requests alternate v1, v2, v1, ...
// whatever the headers (round robin over two endpoints); anything else is route_not_found.
export function createNoRoutingGateway(): NoRoutingGateway {
  const counters = new Map<string, number>();
  const served = { v1: 0, v2: 0 };
  const handler = (request: IncomingMessage, response: ServerResponse): void => {
    const host = (request.headers.host ?? "").replace(/:\d+$/, "");
    const path = (request.url ?? "/").replace(/\/$/, "");
    if (CATALOG_PATHS[host] !== path) return routeNotFound(request, response);
    const count = counters.get(host) ?? 0;
    counters.set(host, count + 1);
    const version = count % 2 === 0 ? "v1" : "v2";
    served[version] += 1;
    response.writeHead(200, { "content-type": "application/json", server: "istio-envoy" });
    response.end(version === "v1" ? V1_BODY : V2_BODY);
  };
  return { handler, served: () => ({ ...served }) };
}

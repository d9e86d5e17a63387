import type { HttpRequestSpec, Matcher, WorkloadRef } from "../../engine/lab-types.js";

// Requests and matchers the ch4/ch5 labs share: the ingress gateway on the host ports of the kind config.

export const NS = "istioinaction";
export const HTTP_PORT = 30000;
export const TLS_PORT = 30006;

export const CATALOG_HOST = "catalog.istioinaction.io";
export const WEBAPP_HOST = "webapp.istioinaction.io";

export const catalogV1: WorkloadRef = { namespace: NS, deployment: "catalog" };
export const catalogV2: WorkloadRef = { namespace: NS, deployment: "catalog-v2" };
export const webapp: WorkloadRef = { namespace: NS, deployment: "webapp" };
export const forum: WorkloadRef = { namespace: NS, deployment: "forum" };

/** A catalog v2 response: its items carry imageUrl (SHOW_IMAGE=true); v1 items have none. */
export const IS_V2: Matcher = { op: "contains", value: "imageUrl" };
export const IS_V1: Matcher = { op: "not-contains", value: "imageUrl" };
/** The first catalog item, served by both versions. */
export const FIRST_ITEM: Matcher = { op: "json-path", path: "$[0].name", matcher: { op: "equals", value: "Elinor Glasses" } };
/** A real catalog response from v1 (not just any 200 without imageUrl). */
export const V1_BODY: Matcher[] = [FIRST_ITEM, IS_V1];
/** A real catalog response from v2. */
export const V2_BODY: Matcher[] = [FIRST_ITEM, IS_V2];

// GET through the ingress gateway with the catalog host (the book's `curl http://catalog.istioinaction.io:30000/items`).
export function catalogRequest(headers?: Record<string, string>): HttpRequestSpec {
  return { port: HTTP_PORT, path: "/items", host: CATALOG_HOST, ...(headers ? { headers } : {}) };
}

// GET /api/catalog through the gateway and webapp, which calls catalog inside the mesh.
export function webappRequest(path = "/api/catalog", headers?: Record<string, string>): HttpRequestSpec {
  return { port: HTTP_PORT, path, host: WEBAPP_HOST, ...(headers ? { headers } : {}) };
}

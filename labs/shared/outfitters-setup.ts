import type { Action, HttpCheck, HttpRequestSpec, Step } from "../../engine/lab-types.js";
import { applyLabFile, deployApp } from "./app-actions.js";
import { gatewayRoutesTo } from "./in-mesh-checks.js";
import { FIRST_ITEM, HTTP_PORT, IS_V2, catalogV1, catalogV2, webapp } from "./traffic.js";

// The ch2 starting point: webapp and catalog behind outfitters-gateway, which accepts any Host.

export const OUTFITTERS_GATEWAY = "labs/ch2-first-mesh/ingress-gateway.yaml";

// GET through the gateway without a Host header of our own (the book's `curl http://127.0.0.1:30000/api/catalog`).
export function anyHostRequest(path = "/api/catalog", headers?: Record<string, string>): HttpRequestSpec {
  return { port: HTTP_PORT, path, ...(headers ? { headers } : {}) };
}

// Deploys catalog (and v2 when asked) and webapp, exposes webapp on outfitters-gateway, and proves both answer.
export function outfittersStep(withV2: boolean): Step {
  return {
    title: withV2 ? "Deploy webapp, catalog v1 and v2 behind outfitters-gateway" : "Deploy webapp and catalog behind outfitters-gateway",
    why: "The Gateway opens port 80 for any host; webapp calls catalog through its sidecar, where the catalog rules apply.",
    actions: [
      ...deployApp("catalog.yaml", catalogV1),
      ...(withV2 ? deployApp("catalog-v2.yaml", catalogV2) : []),
      ...deployApp("webapp.yaml", webapp),
      applyLabFile(OUTFITTERS_GATEWAY),
    ],
    checks: [
      gatewayRoutesTo("webapp", "the gateway routes every host to webapp"),
      { kind: "http", title: "GET /api/catalog through the gateway returns the catalog", request: anyHostRequest(), expect: { status: 200, body: [FIRST_ITEM] } },
      ...(withV2
        ? [{ kind: "http" as const, title: "a v2 response (imageUrl) shows up", request: anyHostRequest(), intervalMs: 200, expect: { status: 200, body: [FIRST_ITEM, IS_V2] } }]
        : []),
    ],
    mustFailFirst: true,
  };
}

// catalog and webapp behind outfitters-gateway with steady requests flowing (for metrics and access logs).
export function outfittersUnderLoad(trafficId: string): Action[] {
  return [
    ...deployApp("catalog.yaml", catalogV1),
    ...deployApp("webapp.yaml", webapp),
    applyLabFile(OUTFITTERS_GATEWAY),
    { kind: "traffic", mode: "start", id: trafficId, request: anyHostRequest(), intervalMs: 500 },
  ];
}

export const CATALOG_THROUGH_GATEWAY: HttpCheck = {
  kind: "http",
  title: "GET /api/catalog through the gateway returns the catalog",
  request: anyHostRequest(),
  expect: { status: 200, body: [FIRST_ITEM] },
};

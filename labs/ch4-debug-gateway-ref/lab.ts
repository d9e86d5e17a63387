import type { HttpRequestSpec, IstioctlCheck, LabDefinition, Matcher } from "../../engine/lab-types.js";
import { applyLabFile, deployApp } from "../shared/app-actions.js";
import { gatewayRoutes } from "../shared/route-checks.js";
import { FIRST_ITEM, HTTP_PORT, NS, catalogV1 } from "../shared/traffic.js";

const QUERY_HOST = "query.istioinaction.io";
const QUERY_REQUEST: HttpRequestSpec = { port: HTTP_PORT, path: "/items", host: QUERY_HOST };

// `istioctl analyze -n istioinaction -o log`: with -o log the exit code says whether issues were found (79).
function analyze(title: string, expect: Matcher[], mustFailFirst?: boolean): IstioctlCheck {
  return {
    kind: "istioctl",
    title,
    args: ["analyze", "-n", NS, "-o", "log"],
    exitCodes: [0, 79],
    expect,
    ...(mustFailFirst === undefined ? {} : { mustFailFirst }),
  };
}

export const ch4DebugGatewayRef: LabDefinition = {
  id: "ch4-debug-gateway-ref",
  chapter: 4,
  section: "4",
  title: "Debug a VirtualService that names a missing gateway",
  proves: "A VirtualService bound to istio-system/devops-gateway (which does not exist) gives 404 and no gateway route, istioctl analyze reports IST0101, and naming istio-system/query-gateway fixes it (200)",
  duration: "~2 min",
  requires: ["cluster"],
  namespaces: [NS],
  workloads: [catalogV1],
  steps: () => [
    {
      title: "Deploy catalog and the Gateway query-gateway in istio-system",
      why: "As in the seed's production story, the Gateway lives in istio-system and the team's VirtualService in its own namespace.",
      actions: [...deployApp("catalog.yaml", catalogV1), { kind: "apply", file: "labs/ch4-debug-gateway-ref/query-gateway.yaml" }],
      checks: [
        {
          kind: "object",
          title: "Gateway query-gateway exists in istio-system",
          target: { apiVersion: "networking.istio.io/v1beta1", kind: "Gateway", name: "query-gateway", namespace: "istio-system" },
          expect: "present",
        },
      ],
      mustFailFirst: true,
    },
    {
      title: "Apply a VirtualService that names istio-system/devops-gateway",
      why: "The API server accepts a reference to a Gateway that does not exist; istiod simply binds the routes to nothing.",
      actions: [applyLabFile("labs/ch4-debug-gateway-ref/ops-query-vs-broken.yaml")],
      checks: [
        {
          kind: "object",
          title: "VirtualService ops-query-vs exists and names istio-system/devops-gateway",
          target: { apiVersion: "networking.istio.io/v1beta1", kind: "VirtualService", name: "ops-query-vs", namespace: NS },
          expect: { path: "$.spec.gateways[0]", matcher: { op: "equals", value: "istio-system/devops-gateway" } },
        },
        analyze("istioctl analyze reports IST0101: the referenced gateway istio-system/devops-gateway is not found", [
          { op: "regex", value: "IST0101.*ops-query-vs.*devops-gateway" },
        ]),
        // The symptom, true before the VirtualService too: guards, not proofs of the step.
        { ...gatewayRoutes(`the ingress gateway has no route for ${QUERY_HOST}`, { kind: "no-route", domain: QUERY_HOST }), mustFailFirst: false },
        { kind: "http", title: `GET /items with Host ${QUERY_HOST} gets 404`, request: QUERY_REQUEST, expect: { status: 404 }, mustFailFirst: false },
      ],
      mustFailFirst: true,
    },
    {
      title: "Fix the reference: istio-system/query-gateway",
      why: "Naming the Gateway that exists binds the routes to the ingress gateway's port 80 (the request is host-specific, so a 200 is the route).",
      actions: [applyLabFile("labs/ch4-debug-gateway-ref/ops-query-vs.yaml")],
      checks: [
        { kind: "http", title: `GET /items with Host ${QUERY_HOST} returns the catalog`, request: QUERY_REQUEST, expect: { status: 200, body: [FIRST_ITEM] } },
        analyze("istioctl analyze no longer reports IST0101", [{ op: "not-contains", value: "IST0101" }], false),
      ],
      mustFailFirst: true,
    },
  ],
};

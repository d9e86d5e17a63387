import type { LabDefinition, LogsCheck, Matcher, WorkloadRef } from "../../engine/lab-types.js";
import { CATALOG_THROUGH_GATEWAY, outfittersUnderLoad } from "../shared/outfitters-setup.js";
import { NS, catalogV1, webapp } from "../shared/traffic.js";

const TRAFFIC_ID = "gateway-requests";
const ingressGateway: WorkloadRef = { namespace: "istio-system", deployment: "istio-ingressgateway" };
/** Istio's default access log line for the background requests: `[time] "GET /api/catalog HTTP/1.1" 200 ...`. */
const REQUEST_LINE: Matcher = { op: "regex", value: '"GET /api/catalog HTTP/1\\.1" 200 ' };
const MESH_CONFIG = { apiVersion: "v1", kind: "ConfigMap", name: "istio", namespace: "istio-system" };

// The ingress gateway's own log since the step started.
function gatewayLog(title: string, expect: Matcher[], mustFailFirst?: boolean): LogsCheck {
  return { kind: "logs", title, workload: ingressGateway, container: "istio-proxy", expect, ...(mustFailFirst === undefined ? {} : { mustFailFirst }) };
}

export const ch4AccessLogs: LabDefinition = {
  id: "ch4-access-logs",
  chapter: 4,
  section: "4.5.3",
  title: "Gateway access logs with the Telemetry API",
  proves: "With mesh-wide access logs off the gateway logs no request line; a Telemetry for app: istio-ingressgateway (provider envoy) brings back the line with status 200 for the gateway alone",
  duration: "~4 min",
  requires: ["cluster"],
  namespaces: [NS],
  workloads: [ingressGateway, webapp, catalogV1],
  steps: () => [
    {
      title: "Deploy webapp and catalog behind outfitters-gateway and keep requests flowing",
      why: "The study environment logs every request mesh-wide (accessLogFile /dev/stdout), so the gateway writes a line per request.",
      actions: outfittersUnderLoad(TRAFFIC_ID),
      checks: [
        CATALOG_THROUGH_GATEWAY,
        gatewayLog("the gateway's log has the request line with status 200 (mesh-wide access logs)", [REQUEST_LINE]),
      ],
      mustFailFirst: true,
    },
    {
      title: "Turn mesh-wide access logs off (meshConfig.accessLogFile \"\")",
      why: "In production logging every request everywhere is too much; re-installing without accessLogFile stops it for every proxy.",
      actions: [{ kind: "mesh-config", outboundTrafficPolicy: "ALLOW_ANY", accessLogFile: "" }],
      checks: [
        {
          kind: "object",
          title: "the mesh config no longer sends access logs to /dev/stdout",
          target: MESH_CONFIG,
          expect: { path: "$.data.mesh", matcher: { op: "not-contains", value: "accessLogFile: /dev/stdout" } },
        },
        {
          kind: "exec",
          title: "the gateway's listener 0.0.0.0_8080 has no file access log any more",
          workload: ingressGateway,
          container: "istio-proxy",
          command: ["curl", "-s", "localhost:15000/config_dump?resource=dynamic_listeners"],
          expect: [{ op: "contains", value: '"name": "0.0.0.0_8080"' }, { op: "not-contains", value: '"path": "/dev/stdout"' }],
        },
      ],
      mustFailFirst: true,
    },
    {
      title: "Requests pass through the gateway and leave no line in its log",
      why: "Without an access log configured, the gateway serves the requests silently (webapp's own log shows they arrived).",
      actions: [],
      checks: [
        {
          kind: "logs",
          title: "webapp logged at least 5 requests for /api/catalog since the step started",
          workload: webapp,
          container: "webapp",
          expect: [{ op: "count", regex: '"GET /api/catalog HTTP/1\\.1 200', min: 5 }],
          mustFailFirst: false,
        },
        gatewayLog("the gateway's log has no request line for them", [{ op: "not-contains", value: '"GET /api/catalog HTTP/1.1"' }], false),
      ],
    },
    {
      title: "Turn access logs on for the ingress gateway only (Telemetry ingress-gateway)",
      why: "The Telemetry API selects workloads by label: the gateway logs again through the envoy provider, the sidecars stay quiet.",
      actions: [{ kind: "apply", file: "labs/ch4-access-logs/ingress-gateway-telemetry.yaml" }],
      checks: [gatewayLog("the gateway's log has the request line with status 200 again", [REQUEST_LINE])],
      mustFailFirst: true,
    },
  ],
  cleanup: [{ kind: "traffic", mode: "stop", id: TRAFFIC_ID }],
};

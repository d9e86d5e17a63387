import { ADDON_SERVICES, type AddonService } from "../../addons/addon-services.js";
import type { HttpCheck, LabDefinition } from "../../engine/lab-types.js";
import { CATALOG_THROUGH_GATEWAY, outfittersUnderLoad } from "../shared/outfitters-setup.js";
import { NS, catalogV1, webapp } from "../shared/traffic.js";

const TRAFFIC_ID = "observability";

function addon(name: AddonService["addon"]): AddonService {
  const found = ADDON_SERVICES.find((candidate) => candidate.addon === name);
  if (found === undefined) throw new Error(`no addon ${name} in ADDON_SERVICES`);
  return found;
}

const prometheus = addon("prometheus");
const grafana = addon("grafana");
const kiali = addon("kiali");
const tracing = addon("tracing");

// An addon's UI or health path on its NodePort answers 200 (the addons are part of the platform baseline).
function addonAnswers(title: string, service: AddonService, path: string, body?: HttpCheck["expect"]["body"]): HttpCheck {
  return { kind: "http", title, request: { port: service.nodePort, path }, expect: { status: 200, ...(body === undefined ? {} : { body }) }, mustFailFirst: false };
}

/** PromQL `istio_requests_total{destination_workload="catalog"}`, URL-encoded for /api/v1/query. */
const CATALOG_REQUESTS_QUERY = `/api/v1/query?query=${encodeURIComponent('istio_requests_total{destination_workload="catalog",source_workload="webapp"}')}`;
/** Kiali's graph around the catalog workload: catalog and its direct callers, for the last minute. */
const CATALOG_NODE_GRAPH = `/kiali/api/namespaces/${NS}/workloads/catalog/graph?graphType=workload&duration=60s`;

export const ch2Observability: LabDefinition = {
  id: "ch2-observability",
  chapter: 2,
  section: "2.4",
  title: "Prometheus, Grafana, Kiali and Jaeger see the traffic",
  proves: "The four addons answer on 30001-30004, and after traffic through the gateway Prometheus holds istio_requests_total from webapp to catalog and Kiali draws the webapp -> catalog edge",
  duration: "~3 min",
  requires: ["cluster"],
  namespaces: [NS],
  workloads: [catalogV1, webapp],
  steps: () => [
    {
      title: "The addons answer on their NodePorts",
      why: "samples/addons installs Prometheus, Grafana, Kiali and Jaeger in istio-system; the platform exposes them on 30001-30004.",
      actions: [],
      checks: [
        addonAnswers(`Prometheus :${prometheus.nodePort}/-/ready answers 200`, prometheus, "/-/ready"),
        addonAnswers(`Grafana :${grafana.nodePort}/api/health says the database is ok`, grafana, "/api/health", [
          { op: "json-path", path: "$.database", matcher: { op: "equals", value: "ok" } },
        ]),
        addonAnswers(`Kiali :${kiali.nodePort}/kiali/ answers 200`, kiali, "/kiali/"),
        addonAnswers(`Jaeger :${tracing.nodePort}/jaeger/ answers 200 (the UI lives under /jaeger)`, tracing, "/jaeger/"),
      ],
    },
    {
      title: "Send steady traffic through the gateway to webapp and catalog",
      why: "Every sidecar reports istio_requests_total; Prometheus scrapes it every 15 s and Kiali draws its graph from those metrics.",
      actions: outfittersUnderLoad(TRAFFIC_ID),
      checks: [
        CATALOG_THROUGH_GATEWAY,
        {
          kind: "http",
          title: "Prometheus has istio_requests_total from webapp to catalog",
          request: { port: prometheus.nodePort, path: CATALOG_REQUESTS_QUERY },
          expect: {
            status: 200,
            body: [
              { op: "json-path", path: "$.data.result[0].metric.destination_workload", matcher: { op: "equals", value: "catalog" } },
              { op: "json-path", path: "$.data.result[0].metric.source_workload", matcher: { op: "equals", value: "webapp" } },
            ],
          },
          timeoutMs: 120_000,
          intervalMs: 5_000,
        },
        {
          kind: "http",
          title: "Kiali's graph around catalog has webapp calling it over HTTP",
          request: { port: kiali.nodePort, path: CATALOG_NODE_GRAPH },
          expect: {
            status: 200,
            body: [
              { op: "json-path", path: "$.elements.nodes[*].data.workload", matcher: { op: "regex", value: '"webapp"' } },
              { op: "json-path", path: "$.elements.nodes[*].data.workload", matcher: { op: "regex", value: '"catalog"' } },
              { op: "json-path", path: "$.elements.edges[*].data.traffic.protocol", matcher: { op: "contains", value: "http" } },
            ],
          },
          timeoutMs: 120_000,
          intervalMs: 5_000,
        },
      ],
      mustFailFirst: true,
    },
  ],
  cleanup: [{ kind: "traffic", mode: "stop", id: TRAFFIC_ID }],
};

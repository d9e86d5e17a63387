import type { LabDefinition } from "../../engine/lab-types.js";
import { applyLabFile, deployApp } from "../shared/app-actions.js";
import { OUTFITTERS_GATEWAY, anyHostRequest } from "../shared/outfitters-setup.js";
import { FIRST_ITEM, NS, catalogV1, webapp } from "../shared/traffic.js";

const TRAFFIC_ID = "catalog-calls";

export const extraEnvoyFilterLua: LabDefinition = {
  id: "extra-envoyfilter-lua",
  chapter: 5,
  section: "extra",
  title: "EnvoyFilter with Lua logging response bodies",
  proves: "The seed's EnvoyFilter (buffer + Lua envoy_on_response) on catalog makes its sidecar log every response's headers and the JSON body it served",
  duration: "~2 min",
  requires: ["cluster"],
  namespaces: [NS],
  workloads: [catalogV1, webapp],
  steps: () => [
    {
      title: "Deploy webapp and catalog behind outfitters-gateway and keep requests flowing",
      why: "Every /api/catalog request makes webapp call catalog, whose sidecar answers with catalog's JSON.",
      actions: [
        ...deployApp("catalog.yaml", catalogV1),
        ...deployApp("webapp.yaml", webapp),
        applyLabFile(OUTFITTERS_GATEWAY),
        { kind: "traffic", mode: "start", id: TRAFFIC_ID, request: anyHostRequest(), intervalMs: 1_000 },
      ],
      checks: [{ kind: "http", title: "GET /api/catalog through the gateway returns the catalog", request: anyHostRequest(), expect: { status: 200, body: [FIRST_ITEM] } }],
      mustFailFirst: true,
    },
    {
      title: "Apply the EnvoyFilter to catalog and raise its proxy's lua logger to info",
      why: "The Lua filter runs in catalog's sidecar on every response; logInfo lines appear only at info, and Istio's proxies log at warning.",
      actions: [
        {
          kind: "exec",
          workload: catalogV1,
          container: "istio-proxy",
          command: ["curl", "-s", "-X", "POST", "localhost:15000/logging?lua=info"],
        },
        applyLabFile("labs/extra-envoyfilter-lua/catalog-lua-logging.yaml"),
      ],
      checks: [
        {
          kind: "logs",
          title: "catalog's istio-proxy logs 'response body:' with the JSON it served",
          workload: catalogV1,
          container: "istio-proxy",
          expect: [
            { op: "contains", value: "response body:" },
            { op: "regex", value: '"name": ?"Elinor Glasses"' },
            { op: "contains", value: "response Header::status:200" },
          ],
        },
      ],
      mustFailFirst: true,
    },
  ],
  cleanup: [{ kind: "traffic", mode: "stop", id: TRAFFIC_ID }],
};

import type { LabDefinition } from "../../engine/lab-types.js";
import { applyLabFile } from "../shared/app-actions.js";
import { CATALOG_VS, COOLSTORE_VS, deployCoolstoreStep } from "../shared/coolstore-setup.js";
import { gatewayRoutesTo } from "../shared/in-mesh-checks.js";
import { HTTP_PORT, NS, V1_BODY, catalogRequest, catalogV1, webapp, webappRequest } from "../shared/traffic.js";

export const ch4GatewayRouting: LabDefinition = {
  id: "ch4-gateway-routing",
  chapter: 4,
  section: "4.2",
  title: "Route two hosts through one Gateway",
  proves: "One Gateway on port 80 serves webapp and catalog by Host header; an unknown Host gets 404",
  duration: "~2 min",
  requires: ["cluster"],
  namespaces: [NS],
  workloads: [webapp, catalogV1],
  steps: () => [
    deployCoolstoreStep(),
    {
      title: "Route webapp.istioinaction.io and catalog.istioinaction.io through coolstore-gateway",
      why: "The Gateway opens port 80 for both hosts; a VirtualService per host picks the service by the Host header.",
      actions: [applyLabFile("labs/ch4-gateway-routing/coolstore-gw.yaml"), applyLabFile(COOLSTORE_VS), applyLabFile(CATALOG_VS)],
      checks: [
        gatewayRoutesTo("webapp", "the gateway routes webapp.istioinaction.io to webapp"),
        { kind: "http", title: "Host webapp.istioinaction.io: /api/catalog answers 200 through webapp", request: webappRequest(), expect: { status: 200, body: V1_BODY } },
        { kind: "http", title: "Host catalog.istioinaction.io: /items answers 200 from catalog", request: catalogRequest(), expect: { status: 200, body: V1_BODY } },
        {
          kind: "http",
          title: "an unknown Host gets 404 (no virtual host matches)",
          request: { port: HTTP_PORT, path: "/api/catalog", host: "unknown.istioinaction.io" },
          expect: { status: 404 },
          mustFailFirst: false,
        },
      ],
      mustFailFirst: true,
    },
  ],
};

import type { LabDefinition } from "../../engine/lab-types.js";
import { applyLabFile, deployApp } from "../shared/app-actions.js";
import { gatewayRoutesTo, sidecarReady, webappCallsCatalog } from "../shared/in-mesh-checks.js";
import { OUTFITTERS_GATEWAY, anyHostRequest } from "../shared/outfitters-setup.js";
import { FIRST_ITEM, NS, catalogV1, webapp } from "../shared/traffic.js";

export const ch2FirstMesh: LabDefinition = {
  id: "ch2-first-mesh",
  chapter: 2,
  section: "2.3",
  title: "Deploy catalog and webapp into the mesh and reach them through the gateway",
  proves: "Injected sidecars (2/2) carry webapp's calls to catalog, and outfitters-gateway serves /api/catalog for any Host",
  duration: "~2 min",
  requires: ["cluster"],
  namespaces: [NS],
  workloads: [catalogV1, webapp],
  steps: () => [
    {
      title: "Deploy catalog and webapp with sidecars injected",
      why: "The namespace has istio-injection=enabled, so every pod gets an istio-proxy next to the app.",
      actions: [...deployApp("catalog.yaml", catalogV1), ...deployApp("webapp.yaml", webapp)],
      checks: [sidecarReady(catalogV1), sidecarReady(webapp), webappCallsCatalog()],
      mustFailFirst: true,
    },
    {
      title: "Expose webapp through outfitters-gateway (hosts \"*\")",
      why: "The Gateway opens port 80 on the ingress gateway; the VirtualService routes what arrives there to webapp.",
      actions: [applyLabFile(OUTFITTERS_GATEWAY)],
      checks: [
        gatewayRoutesTo("webapp", "the gateway routes every host to webapp"),
        { kind: "http", title: "GET /api/catalog is a JSON array starting with Elinor Glasses", request: anyHostRequest(), expect: { status: 200, body: [FIRST_ITEM] } },
        {
          kind: "http",
          title: "GET /api/catalog/items/1 is item 1",
          request: anyHostRequest("/api/catalog/items/1"),
          expect: { status: 200, body: [{ op: "json-path", path: "$.id", matcher: { op: "equals", value: "1" } }] },
        },
      ],
      mustFailFirst: true,
    },
  ],
};

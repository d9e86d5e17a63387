import type { LabDefinition } from "../../engine/lab-types.js";
import { applyLabFile } from "../shared/app-actions.js";
import { COOLSTORE_VS, deployCoolstoreStep } from "../shared/coolstore-setup.js";
import { WEBAPP_CA, gatewayCredential, httpsRequest } from "../shared/tls-traffic.js";
import { NS, V1_BODY, WEBAPP_HOST, catalogV1, webapp, webappRequest } from "../shared/traffic.js";

export const ch4HttpsRedirect: LabDefinition = {
  id: "ch4-https-redirect",
  chapter: 4,
  section: "4.3.2",
  title: "Redirect HTTP to HTTPS",
  proves: "Port 80 answers 301 with location https://webapp.istioinaction.io/..., and HTTPS serves the app",
  duration: "~2 min",
  requires: ["cluster"],
  namespaces: [NS],
  workloads: [webapp, catalogV1],
  steps: () => [
    deployCoolstoreStep(),
    {
      title: "Redirect port 80 to HTTPS (httpsRedirect: true)",
      why: "Clients that start with plain HTTP are sent to HTTPS by the gateway itself, before any route.",
      actions: [
        gatewayCredential("webapp-credential", WEBAPP_CA, WEBAPP_HOST),
        applyLabFile("labs/ch4-https-redirect/coolstore-gw-tls-redirect.yaml"),
        applyLabFile(COOLSTORE_VS),
      ],
      checks: [
        {
          kind: "http",
          title: "HTTP /api/catalog answers 301 to https://webapp.istioinaction.io/api/catalog",
          request: webappRequest(),
          expect: { status: 301, headers: { location: { op: "equals", value: `https://${WEBAPP_HOST}/api/catalog` } } },
        },
        {
          kind: "http",
          title: "the HTTPS URL it points to returns the catalog",
          request: httpsRequest(WEBAPP_HOST, "/api/catalog", { caName: WEBAPP_CA }),
          expect: { status: 200, body: V1_BODY },
        },
      ],
      mustFailFirst: true,
    },
  ],
};

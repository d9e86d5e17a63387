import type { Step } from "../../engine/lab-types.js";
import { applyLabFile } from "./app-actions.js";
import { COOLSTORE_VS } from "./coolstore-setup.js";
import { WEBAPP_CA, gatewayCredential, httpsRequest } from "./tls-traffic.js";
import { V1_BODY, WEBAPP_HOST } from "./traffic.js";

// Book 4.3.1: coolstore-gateway terminates HTTPS (SIMPLE) for webapp.istioinaction.io with webapp-credential.
// ch4-tls proves it; ch4-mtls starts from it, as the book's 4.3.3 does.

export const COOLSTORE_GW_TLS = "labs/ch4-tls/coolstore-gw-tls.yaml";

// The Secret from a generated CA, the TLS Gateway and the webapp route; the CA's clients get the catalog, others refuse.
export function simpleTlsStep(): Step {
  return {
    title: "Serve HTTPS on 443 with webapp-credential (SIMPLE)",
    why: "The gateway reads the certificate and key from a Secret in istio-system named by credentialName (SDS).",
    actions: [gatewayCredential("webapp-credential", WEBAPP_CA, WEBAPP_HOST), applyLabFile(COOLSTORE_GW_TLS), applyLabFile(COOLSTORE_VS)],
    checks: [
      {
        kind: "http",
        title: "HTTPS with SNI webapp.istioinaction.io, trusting webapp-ca, returns the catalog",
        request: httpsRequest(WEBAPP_HOST, "/api/catalog", { caName: WEBAPP_CA }),
        expect: {
          status: 200,
          body: V1_BODY,
          certificate: { subjectAltName: { op: "contains", value: `DNS:${WEBAPP_HOST}` }, issuedByCa: WEBAPP_CA },
        },
      },
      {
        kind: "http",
        title: "a client trusting only the system CAs refuses the certificate",
        request: httpsRequest(WEBAPP_HOST, "/api/catalog"),
        expect: { error: { op: "contains", value: "certificate verification failed" } },
      },
    ],
    mustFailFirst: true,
  };
}

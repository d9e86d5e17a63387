import type { Check, LabDefinition } from "../../engine/lab-types.js";
import { applyLabFile } from "../shared/app-actions.js";
import { CATALOG_VS, COOLSTORE_VS, deployCoolstoreStep } from "../shared/coolstore-setup.js";
import { CATALOG_CA, WEBAPP_CA, gatewayCredential, httpsRequest } from "../shared/tls-traffic.js";
import { CATALOG_HOST, NS, V1_BODY, WEBAPP_HOST, catalogV1, webapp } from "../shared/traffic.js";

// HTTPS to `host` trusting `caName`: the answer, and a certificate for that host issued by that CA.
function servesOwnCertificate(host: string, path: string, caName: string): Check {
  return {
    kind: "http",
    title: `SNI ${host} gets ${host}'s certificate (from ${caName}) and a 200`,
    request: httpsRequest(host, path, { caName }),
    expect: {
      status: 200,
      body: V1_BODY,
      certificate: { subjectAltName: { op: "contains", value: `DNS:${host}` }, issuedByCa: caName },
    },
  };
}

export const ch4MultiHostTls: LabDefinition = {
  id: "ch4-multi-host-tls",
  chapter: 4,
  section: "4.3.4",
  title: "Two HTTPS hosts, certificate chosen by SNI",
  proves: "One port 443 serves webapp and catalog, each with its own certificate from its own CA, chosen by the SNI",
  duration: "~2 min",
  requires: ["cluster"],
  namespaces: [NS],
  workloads: [webapp, catalogV1],
  steps: () => [
    deployCoolstoreStep(),
    {
      title: "Serve webapp and catalog on 443, each with its own certificate",
      why: "Envoy reads the SNI of the ClientHello and presents the matching server's certificate, then routes by Host.",
      actions: [
        gatewayCredential("webapp-credential", WEBAPP_CA, WEBAPP_HOST),
        gatewayCredential("catalog-credential", CATALOG_CA, CATALOG_HOST),
        applyLabFile("labs/ch4-multi-host-tls/coolstore-gw-multi-tls.yaml"),
        applyLabFile(COOLSTORE_VS),
        applyLabFile(CATALOG_VS),
      ],
      checks: [servesOwnCertificate(WEBAPP_HOST, "/api/catalog", WEBAPP_CA), servesOwnCertificate(CATALOG_HOST, "/items", CATALOG_CA)],
      mustFailFirst: true,
    },
  ],
};

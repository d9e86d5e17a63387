import type { LabDefinition, Matcher } from "../../engine/lab-types.js";
import { applyLabFile } from "../shared/app-actions.js";
import { deployCoolstoreStep } from "../shared/coolstore-setup.js";
import { simpleTlsStep } from "../shared/https-setup.js";
import { WEBAPP_CA, gatewayCredential, httpsRequest } from "../shared/tls-traffic.js";
import { NS, V1_BODY, WEBAPP_HOST, catalogV1, webapp } from "../shared/traffic.js";

/** A CA the gateway does not trust, for a client certificate it must refuse. */
const STRANGER_CA = "stranger-client-ca";
/**
 * The gateway's refusal as the handshake shows it: a TLS alert from the server that refuses or demands a
 * client certificate (certificate required, unknown CA, ...). A reset shows nothing and does not match; the
 * probe then looks for the alert on a handshake-only connection. The SIMPLE gateway of step 2 answers 200.
 */
const CLIENT_CERT_REFUSED: Matcher = { op: "regex", value: "TLS alert from the server: (certificate required|bad certificate|unknown ca|certificate unknown|handshake failure|access denied) " };

export const ch4Mtls: LabDefinition = {
  id: "ch4-mtls",
  chapter: 4,
  section: "4.3.3",
  title: "Mutual TLS at the gateway",
  proves: "With MUTUAL mode only clients presenting a certificate from the CA in ca.crt get through; no or a foreign client certificate fails the handshake",
  duration: "~2 min",
  requires: ["cluster"],
  namespaces: [NS],
  workloads: [webapp, catalogV1],
  steps: () => [
    deployCoolstoreStep(),
    simpleTlsStep(),
    {
      title: "Require client certificates on 443 (MUTUAL with webapp-credential-mtls)",
      why: "The Secret's ca.crt tells the gateway which CA signs acceptable client certificates.",
      actions: [gatewayCredential("webapp-credential-mtls", WEBAPP_CA, WEBAPP_HOST, true), applyLabFile("labs/ch4-mtls/coolstore-gw-mtls.yaml")],
      checks: [
        {
          kind: "http",
          title: "without a client certificate the gateway ends the handshake",
          request: httpsRequest(WEBAPP_HOST, "/api/catalog", { caName: WEBAPP_CA }),
          expect: { error: CLIENT_CERT_REFUSED },
        },
        {
          kind: "http",
          title: "a client certificate from another CA is refused too",
          request: httpsRequest(WEBAPP_HOST, "/api/catalog", { caName: WEBAPP_CA, clientCertOf: { caName: STRANGER_CA, commonName: WEBAPP_HOST } }),
          expect: { error: CLIENT_CERT_REFUSED },
        },
        {
          kind: "http",
          title: "with a client certificate from webapp-ca the request still returns the catalog",
          request: httpsRequest(WEBAPP_HOST, "/api/catalog", { caName: WEBAPP_CA, clientCertOf: { caName: WEBAPP_CA, commonName: WEBAPP_HOST } }),
          expect: { status: 200, body: V1_BODY, certificate: { issuedByCa: WEBAPP_CA } },
          mustFailFirst: false,
        },
      ],
      mustFailFirst: true,
    },
  ],
};

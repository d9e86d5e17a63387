import type { Action, HttpRequestSpec, TlsClientSpec } from "../../engine/lab-types.js";

// HTTPS through the ingress gateway's port 443 (host port 30005) and the generated CAs of the ch4 TLS labs.
// The labs generate their certificates; the book's ch4/certs and ch4/certs2 trees are never used.

export const HTTPS_PORT = 30005;

/** The CA behind webapp.istioinaction.io's server and client certificates (stands in for ch4/certs). */
export const WEBAPP_CA = "webapp-ca";
/** The CA behind catalog.istioinaction.io's server certificate (stands in for ch4/certs2). */
export const CATALOG_CA = "catalog-ca";

// A kubernetes.io/tls Secret in istio-system, where the ingress gateway reads `credentialName` from;
// withCa adds ca.crt, which MUTUAL mode uses to verify client certificates.
export function gatewayCredential(name: string, caName: string, commonName: string, withCa = false): Action {
  return { kind: "tls-secret", namespace: "istio-system", name, caName, commonName, ...(withCa ? { withCa: true } : {}) };
}

// GET over HTTPS with SNI and Host `host` (the book's `curl --resolve <host>:30005:127.0.0.1 https://<host>:30005/...`);
// `tls` adds the generated CA to trust (none: the system roots) and a client certificate.
export function httpsRequest(host: string, path: string, tls: Omit<TlsClientSpec, "serverName"> = {}): HttpRequestSpec {
  return { port: HTTPS_PORT, path, host, tls: { serverName: host, ...tls } };
}

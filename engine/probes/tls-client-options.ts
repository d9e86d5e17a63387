// The TLS options of a probe: SNI, the generated CA to trust (or the system roots), an optional client
// certificate, and a host check against the server name rather than 127.0.0.1.

import type { ConnectionOptions } from "node:tls";
import type { TlsClientSpec } from "../lab-types.js";
import type { CertStore } from "../certs/cert-types.js";

/** The subset of tls.connect options a probe sets. */
export type TlsClientOptions = Pick<ConnectionOptions, "servername" | "ca" | "cert" | "key" | "rejectUnauthorized">;

// Resolves a TlsClientSpec into tls.connect options, generating the CA and client cert on first use.
export async function resolveTlsOptions(tls: TlsClientSpec, certs: CertStore): Promise<TlsClientOptions> {
  const options: TlsClientOptions = {
    servername: tls.serverName,
    rejectUnauthorized: true,
    // Node's default checkServerIdentity checks `servername` (here the SNI) when it is set, not the
    // host 127.0.0.1. A custom function would also stop the https agent from reusing sockets.
  };
  if (tls.caName !== undefined) options.ca = (await certs.ca(tls.caName)).certPem;
  if (tls.clientCertOf !== undefined) {
    const client = await certs.issue(tls.clientCertOf.caName, tls.clientCertOf.commonName, "client");
    options.cert = client.certPem;
    options.key = client.keyPem;
  }
  return options;
}

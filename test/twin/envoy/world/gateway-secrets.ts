// The gateway's SDS names (`kubernetes://<credentialName>`, `...-cacert` for MUTUAL) resolved to the lab's
// generated certificates, issued by the same store the probe trusts.

import type { CertStore } from "../../../../engine/certs/cert-types.js";
import type { SecretMaterial } from "../convert/static-secrets.js";
import type { TlsSecretAction } from "./replay-objects.js";

const CA_SUFFIX = "-cacert";

// Every secret the state's tls-secret actions created, by SDS name.
export async function issueGatewaySecrets(actions: readonly TlsSecretAction[], certs: CertStore): Promise<Map<string, SecretMaterial>> {
  const secrets = new Map<string, SecretMaterial>();
  for (const action of actions) {
    const issued = await certs.issue(action.caName, action.commonName, "server");
    secrets.set(`kubernetes://${action.name}`, { kind: "certificate", certPem: issued.certPem, keyPem: issued.keyPem });
    if (action.withCa === true) secrets.set(`kubernetes://${action.name}${CA_SUFFIX}`, { kind: "ca", caPem: issued.caPem });
  }
  return secrets;
}

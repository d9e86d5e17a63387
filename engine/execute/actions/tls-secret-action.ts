// `kubectl create secret tls <name> --cert --key` from a certificate our CA issues (never the book's);
// the key goes only into the Secret, never into a log line.

import type { KubeObject } from "../../../core/kube.js";
import type { IssuedCertificate } from "../../certs/cert-types.js";
import type { LabContext } from "../../lab-context.js";
import type { Action } from "../../lab-types.js";
import { formatCommand } from "../../../core/shell-quote.js";
import { caPaths, leafPaths } from "../../certs/cert-paths.js";
import type { ActionKind } from "../action-kind.js";

/** The `tls-secret` action of the lab data model. */
export type TlsSecretAction = Extract<Action, { kind: "tls-secret" }>;

function base64(text: string): string {
  return Buffer.from(text, "utf8").toString("base64");
}

// The kubernetes.io/tls Secret holding the leaf (and the CA under ca.crt when asked, for MUTUAL gateways).
export function tlsSecretObject(action: TlsSecretAction, issued: IssuedCertificate): KubeObject {
  const data: Record<string, string> = { "tls.crt": base64(issued.certPem), "tls.key": base64(issued.keyPem) };
  if (action.withCa === true) data["ca.crt"] = base64(issued.caPem);
  return { apiVersion: "v1", kind: "Secret", type: "kubernetes.io/tls", metadata: { name: action.name, namespace: action.namespace }, data };
}

// Issues (or reuses) the server certificate and applies the Secret.
export async function runTlsSecretAction(action: TlsSecretAction, ctx: LabContext): Promise<void> {
  const issued = await ctx.certs.issue(action.caName, action.commonName, "server");
  ctx.log(`secret ${action.namespace}/${action.name}: certificate for ${action.commonName} from CA ${action.caName} (${issued.certPath})`);
  await ctx.kube.apply([tlsSecretObject(action, issued)]);
}

// `kubectl create secret tls` (or `generic` with the CA beside the leaf) from the store's files.
function describeTlsSecret(action: TlsSecretAction, kubectl: string, certDir: string): string {
  const leaf = leafPaths(certDir, action.caName, action.commonName, "server");
  if (action.withCa !== true) {
    return formatCommand(kubectl, ["create", "secret", "tls", action.name, "-n", action.namespace, "--cert", leaf.certPath, "--key", leaf.keyPath]);
  }
  const ca = caPaths(certDir, action.caName).certPath;
  const files = [`--from-file=tls.crt=${leaf.certPath}`, `--from-file=tls.key=${leaf.keyPath}`, `--from-file=ca.crt=${ca}`];
  return formatCommand(kubectl, ["create", "secret", "generic", action.name, "-n", action.namespace, ...files]);
}

/** The tls-secret action kind. */
export const tlsSecretActionKind: ActionKind<TlsSecretAction> = {
  run: (action, ctx) => runTlsSecretAction(action, ctx),
  describe: (action, { kubectl, certDir }) => describeTlsSecret(action, kubectl, certDir),
};

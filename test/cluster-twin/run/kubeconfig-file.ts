// The twin's kubeconfig: one cluster, one admin user (client certificate), one context named TWIN_CONTEXT_NAME.

import { readFileSync, writeFileSync } from "node:fs";
import type { CertFiles } from "./twin-pki.js";

const b64 = (file: string): string => readFileSync(file).toString("base64");

export function writeKubeconfig(path: string, options: { server: string; ca: string; user: CertFiles; context: string }): void {
  const text = `apiVersion: v1
kind: Config
clusters:
- name: ${options.context}
  cluster:
    server: ${options.server}
    certificate-authority-data: ${b64(options.ca)}
users:
- name: ${options.context}-admin
  user:
    client-certificate-data: ${b64(options.user.cert)}
    client-key-data: ${b64(options.user.key)}
contexts:
- name: ${options.context}
  context:
    cluster: ${options.context}
    user: ${options.context}-admin
current-context: ${options.context}
`;
  writeFileSync(path, text, { mode: 0o600 });
}

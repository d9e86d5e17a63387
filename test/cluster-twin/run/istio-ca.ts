// Istio's plug-in CA (what the `cacerts` Secret holds on a cluster, ROOT_CA_DIR for a local istiod) and the
// workload certificates pilot-agent would obtain by CSR: the twin signs them itself with the same CA, with the
// SPIFFE identity of the pod's ServiceAccount, so istiod authenticates each Envoy on its TLS xDS port.

import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { makeCa, makeCert, type CertFiles } from "./twin-pki.js";

export interface IstioCa {
  dir: string;
  ca: CertFiles;
  root: string;
}

export function makeIstioCa(stateDir: string): IstioCa {
  const dir = join(stateDir, "istio-ca");
  mkdirSync(dir, { recursive: true });
  const ca = makeCa(dir, "istio-root", "istio-lab-twin Istio CA");
  copyFileSync(ca.cert, join(dir, "ca-cert.pem"));
  copyFileSync(ca.key, join(dir, "ca-key.pem"));
  copyFileSync(ca.cert, join(dir, "root-cert.pem"));
  copyFileSync(ca.cert, join(dir, "cert-chain.pem"));
  return { dir, ca, root: ca.cert };
}

export function workloadCert(ca: IstioCa, dir: string, namespace: string, serviceAccount: string): CertFiles {
  mkdirSync(dir, { recursive: true });
  return makeCert(dir, "workload", ca.ca, { cn: `${serviceAccount}.${namespace}`, uris: [`spiffe://cluster.local/ns/${namespace}/sa/${serviceAccount}`] });
}

// The twin's certificates, made with openssl: a CA for Kubernetes (API server, admin client, kwok, the
// injector webhook), the service-account key pair, and Istio's plug-in CA (`cacerts`) that istiod signs with
// and the twin uses, in pilot-agent's place, to give each Envoy its workload certificate.

import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";

export interface CertFiles {
  cert: string;
  key: string;
}

export interface CertRequest {
  cn: string;
  org?: string;
  dns?: readonly string[];
  ips?: readonly string[];
  uris?: readonly string[];
}

function openssl(args: readonly string[]): void {
  execFileSync("openssl", [...args], { stdio: ["ignore", "ignore", "pipe"] });
}

export function makeCa(dir: string, name: string, cn: string): CertFiles {
  const files = { cert: join(dir, `${name}.crt`), key: join(dir, `${name}.key`) };
  openssl(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", files.key, "-out", files.cert, "-days", "30", "-subj", `/O=istio-lab-twin/CN=${cn}`,
    "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign,digitalSignature"]);
  return files;
}

// A leaf signed by `ca`, usable as both server and client certificate.
export function makeCert(dir: string, name: string, ca: CertFiles, request: CertRequest): CertFiles {
  const files = { cert: join(dir, `${name}.crt`), key: join(dir, `${name}.key`) };
  const csr = join(dir, `${name}.csr`);
  const ext = join(dir, `${name}.ext`);
  const sans = [...(request.dns ?? []).map((d) => `DNS:${d}`), ...(request.ips ?? []).map((i) => `IP:${i}`), ...(request.uris ?? []).map((u) => `URI:${u}`)];
  writeFileSync(ext, [`basicConstraints=CA:FALSE`, `keyUsage=critical,digitalSignature,keyEncipherment`, `extendedKeyUsage=serverAuth,clientAuth`, ...(sans.length > 0 ? [`subjectAltName=${sans.join(",")}`] : [])].join("\n") + "\n");
  const subject = `${request.org === undefined ? "" : `/O=${request.org}`}/CN=${request.cn}`;
  openssl(["req", "-newkey", "rsa:2048", "-nodes", "-keyout", files.key, "-out", csr, "-subj", subject]);
  openssl(["x509", "-req", "-in", csr, "-CA", ca.cert, "-CAkey", ca.key, "-CAcreateserial", "-out", files.cert, "-days", "30", "-extfile", ext]);
  return files;
}

export function makeKeyPair(dir: string, name: string): { privateKey: string; publicKey: string } {
  const privateKey = join(dir, `${name}.key`);
  const publicKey = join(dir, `${name}.pub`);
  openssl(["genrsa", "-out", privateKey, "2048"]);
  openssl(["rsa", "-in", privateKey, "-pubout", "-out", publicKey]);
  return { privateKey, publicKey };
}

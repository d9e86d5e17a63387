// Where the generated certificates live on disk: a pure, synchronous layout so that the equivalent
// curl/openssl commands can name the files without generating anything.

import { join } from "node:path";
import { cacheDir } from "../../core/paths.js";

/** The files of one leaf certificate. */
export interface LeafPaths {
  certPath: string;
  keyPath: string;
}

// The default folder of the certificate store: <cache>/certs.
export function defaultCertDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(cacheDir(env), "certs");
}

// A name made safe for a file name ("*.example.com" -> "_wildcard_.example.com").
export function fileSafeName(name: string): string {
  return name.replaceAll("*", "_wildcard_").replace(/[^A-Za-z0-9._-]/g, "_");
}

// The folder of one CA and everything it issued.
export function caDirPath(dir: string, caName: string): string {
  return join(dir, fileSafeName(caName));
}

// The CA certificate and key files of `caName`.
export function caPaths(dir: string, caName: string): LeafPaths {
  const caDir = caDirPath(dir, caName);
  return { certPath: join(caDir, "ca.crt"), keyPath: join(caDir, "ca.key") };
}

// The files of a leaf: <cn>.crt/.key for a server, <cn>-client.crt/.key for a client.
export function leafPaths(dir: string, caName: string, commonName: string, usage: "server" | "client"): LeafPaths {
  const name = fileSafeName(commonName);
  // A server leaf named "ca" must not overwrite the CA's own files.
  const base = usage === "client" ? `${name}-client` : name === "ca" ? "ca-leaf" : name;
  const caDir = caDirPath(dir, caName);
  return { certPath: join(caDir, `${base}.crt`), keyPath: join(caDir, `${base}.key`) };
}

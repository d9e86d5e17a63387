// Reading and writing certificate files: keys with mode 0600 in folders with mode 0700, and the
// checks that decide whether files on disk can be reused.

import { X509Certificate, createPrivateKey } from "node:crypto";
import { chmod, mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { KeyAndCert } from "./cert-generate.js";
import type { LeafPaths } from "./cert-paths.js";

/** Regenerate a certificate that expires sooner than this. */
const RENEW_BEFORE_MS = 24 * 3_600_000;

// The certificate and key at these paths, or undefined when either is missing or unreadable.
export async function readKeyAndCert(paths: LeafPaths): Promise<KeyAndCert | undefined> {
  try {
    const [certPem, keyPem] = await Promise.all([readFile(paths.certPath, "utf8"), readFile(paths.keyPath, "utf8")]);
    return { certPem, keyPem };
  } catch {
    return undefined;
  }
}

// Whether a stored pair is usable: parses, key matches, valid for at least another day, and (for a
// leaf) issued by `issuerPem` for `commonName`.
export function isReusable(pair: KeyAndCert, now: Date, expect: { issuerPem?: string; commonName?: string } = {}): boolean {
  try {
    const cert = new X509Certificate(pair.certPem);
    if (!cert.checkPrivateKey(createPrivateKey(pair.keyPem))) return false;
    if (Date.parse(cert.validTo) - now.getTime() < RENEW_BEFORE_MS) return false;
    if (Date.parse(cert.validFrom) > now.getTime()) return false;
    if (expect.issuerPem !== undefined) {
      const issuer = new X509Certificate(expect.issuerPem);
      if (!cert.checkIssued(issuer) || !cert.verify(issuer.publicKey)) return false;
    }
    if (expect.commonName !== undefined && cert.checkHost(expect.commonName, { wildcards: false }) === undefined) {
      return cert.subjectAltName?.split(", ").includes(`DNS:${expect.commonName}`) ?? false;
    }
    return true;
  } catch {
    return false;
  }
}

// Writes one file through a temporary name so that readers never see half a file.
async function writeAtomically(path: string, content: string, mode: number): Promise<void> {
  const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temporary, content, { mode });
  await chmod(temporary, mode);
  await rename(temporary, path);
}

// Stores a certificate (0644) and its key (0600), creating the folder (0700) when needed.
export async function writeKeyAndCert(paths: LeafPaths, pair: KeyAndCert): Promise<void> {
  await mkdir(dirname(paths.certPath), { recursive: true, mode: 0o700 });
  await writeAtomically(paths.keyPath, pair.keyPem, 0o600);
  await writeAtomically(paths.certPath, pair.certPem, 0o644);
}

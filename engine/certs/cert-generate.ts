// Signs certificates with node-forge (loaded lazily) using RSA keys generated natively by node:crypto.

import { generateKeyPairSync, randomBytes } from "node:crypto";
import type { pki } from "node-forge";

type Forge = typeof import("node-forge");

/** A certificate and its private key, both PEM. */
export interface KeyAndCert {
  certPem: string;
  keyPem: string;
}

const VALIDITY_DAYS = 365;
const BACKDATE_MS = 5 * 60_000;

let forgePromise: Promise<Forge> | undefined;

// node-forge is heavy: it is loaded on the first certificate actually generated.
function loadForge(): Promise<Forge> {
  forgePromise ??= import("node-forge").then((module) => (module as unknown as { default: Forge }).default ?? module);
  return forgePromise;
}

// A 2048-bit RSA key pair from the native generator, as forge keys plus the PKCS#1 PEM of the private key.
function generateRsaKeys(forge: Forge): { privateKey: pki.rsa.PrivateKey; publicKey: pki.rsa.PublicKey; keyPem: string } {
  const pair = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs1", format: "pem" },
  });
  return {
    privateKey: forge.pki.privateKeyFromPem(pair.privateKey),
    publicKey: forge.pki.publicKeyFromPem(pair.publicKey),
    keyPem: pair.privateKey,
  };
}

// A random positive 128-bit serial number in hex.
export function randomSerial(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0] ?? 0) & 0x7f;
  if (bytes[0] === 0) bytes[0] = 0x01;
  return bytes.toString("hex");
}

// Sets serial, validity (about a year, backdated a few minutes for clock skew) and the public key.
function prepareCertificate(forge: Forge, publicKey: pki.rsa.PublicKey, now: Date): pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = randomSerial();
  cert.validity.notBefore = new Date(now.getTime() - BACKDATE_MS);
  cert.validity.notAfter = new Date(now.getTime() + VALIDITY_DAYS * 24 * 3_600_000);
  return cert;
}

// A self-signed CA "<name> CA" that can sign certificates and nothing else.
export async function generateCa(caName: string, now: Date = new Date()): Promise<KeyAndCert> {
  const forge = await loadForge();
  const keys = generateRsaKeys(forge);
  const cert = prepareCertificate(forge, keys.publicKey, now);
  const subject = [{ name: "commonName", value: `${caName} CA` }, { name: "organizationName", value: "istio-lab" }];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: "basicConstraints", cA: true, critical: true },
    { name: "keyUsage", keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    { name: "subjectKeyIdentifier" },
  ]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  return { certPem: forge.pki.certificateToPem(cert), keyPem: keys.keyPem };
}

// A leaf for `commonName` (CN and DNS subjectAltName) signed by the CA, for server or client authentication.
export async function generateLeaf(ca: KeyAndCert, commonName: string, usage: "server" | "client", now: Date = new Date()): Promise<KeyAndCert> {
  const forge = await loadForge();
  const caCert = forge.pki.certificateFromPem(ca.certPem);
  const caKey = forge.pki.privateKeyFromPem(ca.keyPem);
  const keys = generateRsaKeys(forge);
  const cert = prepareCertificate(forge, keys.publicKey, now);
  cert.setSubject([{ name: "commonName", value: commonName }, { name: "organizationName", value: "istio-lab" }]);
  cert.setIssuer(caCert.subject.attributes);
  cert.setExtensions([
    { name: "basicConstraints", cA: false },
    { name: "keyUsage", digitalSignature: true, keyEncipherment: true, critical: true },
    { name: "extKeyUsage", serverAuth: usage === "server", clientAuth: usage === "client" },
    { name: "subjectAltName", altNames: [{ type: 2, value: commonName }] },
    { name: "subjectKeyIdentifier" },
    { name: "authorityKeyIdentifier", keyIdentifier: caCert.generateSubjectKeyIdentifier().getBytes() },
  ]);
  cert.sign(caKey, forge.md.sha256.create());
  return { certPem: forge.pki.certificateToPem(cert), keyPem: keys.keyPem };
}

// The certificate a server presented, in one shape for every probe (Node's TLS socket or curl's output).

import { X509Certificate } from "node:crypto";
import type { PeerCertificate } from "node:tls";
import type { PresentedCertificate } from "./probe-types.js";

// DER bytes as a PEM block.
export function derToPem(der: Buffer): string {
  const lines = der.toString("base64").match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join("\n")}\n-----END CERTIFICATE-----\n`;
}

// "CN=a\nO=b" (Node's X509Certificate form) as "CN=a, O=b".
function joinDistinguishedName(name: string): string {
  return name.split("\n").filter((part) => part !== "").join(", ");
}

// Subject, issuer, SANs and SHA-256 fingerprint of a PEM certificate.
export function describeCertificate(pem: string): PresentedCertificate {
  const cert = new X509Certificate(pem);
  return {
    subject: joinDistinguishedName(cert.subject),
    issuer: joinDistinguishedName(cert.issuer),
    subjectAltName: cert.subjectAltName ?? "",
    fingerprint256: cert.fingerprint256,
    pem: cert.toString(),
  };
}

// The peer certificate of a TLS socket, or undefined when the server presented none.
export function describePeerCertificate(peer: PeerCertificate | undefined): PresentedCertificate | undefined {
  if (peer === undefined || peer.raw === undefined || peer.raw.length === 0) return undefined;
  return describeCertificate(derToPem(peer.raw));
}

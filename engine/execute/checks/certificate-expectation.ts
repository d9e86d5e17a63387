// Judges the certificate a TLS server presented: subject/issuer/SAN matchers, and `issuedByCa` = the
// presented certificate's issuer equals that generated CA's subject.

import type { CertStore } from "../../certs/cert-types.js";
import type { HttpExpectation } from "../../lab-types.js";
import type { PresentedCertificate } from "../../probes/probe-types.js";
import { describeCertificate } from "../../probes/presented-certificate.js";
import { evaluateMatcher } from "../../checks/matchers.js";

/** What a check expects of a presented certificate. */
export type CertificateExpectation = NonNullable<HttpExpectation["certificate"]>;

// The subject of the CA named by `issuedByCa`, read once before polling (undefined when not asked).
export async function caSubjectOf(certs: CertStore, expectation: CertificateExpectation | undefined): Promise<string | undefined> {
  if (expectation?.issuedByCa === undefined) return undefined;
  const ca = await certs.ca(expectation.issuedByCa);
  return describeCertificate(ca.certPem).subject;
}

// undefined when the presented certificate meets the expectation, else the first reason.
export function judgeCertificate(expectation: CertificateExpectation, presented: PresentedCertificate | undefined, caSubject: string | undefined): string | undefined {
  if (presented === undefined) return "the server presented no certificate";
  const fields: Array<[string, string, CertificateExpectation["subject"]]> = [
    ["certificate subject", presented.subject, expectation.subject],
    ["certificate issuer", presented.issuer, expectation.issuer],
    ["certificate subjectAltName", presented.subjectAltName, expectation.subjectAltName],
  ];
  for (const [subject, text, matcher] of fields) {
    const reason = matcher === undefined ? undefined : evaluateMatcher(matcher, text, subject);
    if (reason !== undefined) return reason;
  }
  if (expectation.issuedByCa !== undefined && presented.issuer !== caSubject) {
    return `expected a certificate issued by CA ${expectation.issuedByCa} (${caSubject ?? "?"}), got one issued by ${presented.issuer}`;
  }
  return undefined;
}

// "subject CN=x, issuer CN=y, SAN DNS:x" for the seen column.
export function summariseCertificate(presented: PresentedCertificate | undefined): string {
  if (presented === undefined) return "no certificate";
  return `certificate subject ${presented.subject}; issuer ${presented.issuer}; SAN ${presented.subjectAltName || "(none)"}`;
}

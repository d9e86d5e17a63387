// Judges the certificate a TLS server presented: subject/issuer/SAN matchers, and `issuedByCa` = the
// presented certificate's issuer equals that generated CA's subject (read before polling: ca-subject.ts). Pure.

import type { HttpExpectation } from "../lab-types.js";
import type { PresentedCertificate } from "../probes/probe-types.js";
import { evaluateMatcher } from "./matchers.js";

/** What a check expects of a presented certificate. */
export type CertificateExpectation = NonNullable<HttpExpectation["certificate"]>;

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

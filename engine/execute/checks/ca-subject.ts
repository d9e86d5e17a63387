// The subject of a generated CA, read once before a check polls, for the `issuedByCa` expectation.

import type { CertStore } from "../../certs/cert-types.js";
import type { CertificateExpectation } from "../../checks/certificate-expectation.js";
import { describeCertificate } from "../../probes/presented-certificate.js";

// The subject of the CA named by `issuedByCa`, read once before polling (undefined when not asked).
export async function caSubjectOf(certs: CertStore, expectation: CertificateExpectation | undefined): Promise<string | undefined> {
  if (expectation?.issuedByCa === undefined) return undefined;
  const ca = await certs.ca(expectation.issuedByCa);
  return describeCertificate(ca.certPem).subject;
}

// judgeCertificate: each field's matcher on its own field, the first failing one named, and issuedByCa as an
// exact issuer = CA subject comparison (a look-alike issuer or an unknown CA fails).
import { describe, expect, it } from "vitest";
import { judgeCertificate, summariseCertificate } from "../../../engine/checks/certificate-expectation.js";
import type { PresentedCertificate } from "../../../engine/probes/probe-types.js";

const WEBAPP_CA = "O=Istio in Action,CN=webapp-ca";
const presented: PresentedCertificate = { subject: "CN=webapp.istioinaction.io", issuer: WEBAPP_CA, subjectAltName: "DNS:webapp.istioinaction.io", fingerprint256: "AB:CD", pem: "" };

describe("judgeCertificate", () => {
  it("passes when every stated field matches, and with nothing stated", () => {
    const all = { subject: { op: "contains", value: "CN=webapp" }, issuer: { op: "contains", value: "webapp-ca" }, subjectAltName: { op: "equals", value: "DNS:webapp.istioinaction.io" }, issuedByCa: "webapp-ca" } as const;
    expect(judgeCertificate(all, presented, WEBAPP_CA)).toBeUndefined();
    expect(judgeCertificate({}, presented, undefined)).toBeUndefined();
  });

  it("fails without a certificate, whatever is expected", () => {
    expect(judgeCertificate({}, undefined, WEBAPP_CA)).toBe("the server presented no certificate");
  });

  it("judges each matcher against its own field and names the field", () => {
    expect(judgeCertificate({ subject: { op: "contains", value: "webapp-ca" } }, presented, undefined)).toBe('expected certificate subject to contain "webapp-ca"');
    expect(judgeCertificate({ issuer: { op: "contains", value: "CN=webapp.istioinaction.io" } }, presented, undefined)).toBe('expected certificate issuer to contain "CN=webapp.istioinaction.io"');
    expect(judgeCertificate({ subjectAltName: { op: "contains", value: "DNS:catalog" } }, presented, undefined)).toBe('expected certificate subjectAltName to contain "DNS:catalog"');
  });

  it("reports the first failing field when several fail, and a field failure before the CA", () => {
    const wrong = { subject: { op: "contains", value: "x" }, issuer: { op: "contains", value: "y" }, issuedByCa: "other-ca" } as const;
    expect(judgeCertificate(wrong, presented, "CN=other-ca")).toBe('expected certificate subject to contain "x"');
    expect(judgeCertificate({ ...wrong, subject: undefined }, presented, "CN=other-ca")).toBe('expected certificate issuer to contain "y"');
  });

  it("issuedByCa wants the issuer to be exactly the CA's subject", () => {
    expect(judgeCertificate({ issuedByCa: "webapp-ca" }, presented, "CN=webapp-ca")).toBe(`expected a certificate issued by CA webapp-ca (CN=webapp-ca), got one issued by ${WEBAPP_CA}`);
    expect(judgeCertificate({ issuedByCa: "webapp-ca" }, presented, `${WEBAPP_CA},OU=x`)).toBeDefined();
    expect(judgeCertificate({ issuedByCa: "webapp-ca" }, presented, undefined)).toBe(`expected a certificate issued by CA webapp-ca (?), got one issued by ${WEBAPP_CA}`);
  });
});

describe("summariseCertificate", () => {
  it("names subject, issuer and SAN, or says there was none", () => {
    expect(summariseCertificate(presented)).toBe(`certificate subject CN=webapp.istioinaction.io; issuer ${WEBAPP_CA}; SAN DNS:webapp.istioinaction.io`);
    expect(summariseCertificate({ ...presented, subjectAltName: "" })).toMatch(/; SAN \(none\)$/);
    expect(summariseCertificate(undefined)).toBe("no certificate");
  });
});

// Judges one HTTP response (or the failure of the request) against an HttpExpectation. Pure.

import type { HttpExpectation } from "../lab-types.js";
import type { HttpProbeResult } from "../probes/probe-types.js";
import { evaluateMatcher } from "./matchers.js";
import { clip } from "./text-snippet.js";
import { judgeCertificate, summariseCertificate } from "./certificate-expectation.js";

// undefined when the response meets the expectation, else the first reason.
export function judgeHttpResponse(expect: HttpExpectation, result: HttpProbeResult, caSubject: string | undefined): string | undefined {
  if (expect.error !== undefined) return `the request succeeded (HTTP ${result.status}) but was expected to fail`;
  if (expect.status !== undefined && result.status !== expect.status) return `expected status ${expect.status}, got ${result.status}`;
  for (const matcher of expect.body ?? []) {
    const reason = evaluateMatcher(matcher, result.body, "body");
    if (reason !== undefined) return reason;
  }
  for (const [name, matcher] of Object.entries(expect.headers ?? {})) {
    const value = result.headers[name.toLowerCase()];
    if (value === undefined) return `expected header ${name}, but the response has none`;
    const reason = evaluateMatcher(matcher, value, `header ${name}`);
    if (reason !== undefined) return reason;
  }
  if (expect.certificate !== undefined) return judgeCertificate(expect.certificate, result.certificate, caSubject);
  return undefined;
}

// undefined when a failed request is what was expected (error matcher), else the reason.
export function judgeHttpFailure(expect: HttpExpectation, message: string): string | undefined {
  if (expect.error === undefined) return `the request failed: ${message}`;
  return evaluateMatcher(expect.error, message, "error");
}

// "HTTP 200; location: ...; body: [...]" (and the certificate when one was expected).
export function summariseHttpResponse(expect: HttpExpectation, result: HttpProbeResult): string {
  const parts = [`HTTP ${result.status}`];
  for (const name of Object.keys(expect.headers ?? {})) parts.push(`${name}: ${result.headers[name.toLowerCase()] ?? "(none)"}`);
  if (expect.certificate !== undefined) parts.push(summariseCertificate(result.certificate));
  parts.push(`body: ${clip(result.body, 200) || "(empty)"}`);
  return parts.join("; ");
}

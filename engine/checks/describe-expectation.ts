// HTTP and TCP expectations in words ("HTTP 200, body contains ..."), for plans and reports. Pure.

import type { HttpExpectation, TcpExpectation } from "../lab-types.js";
import { describeMatcher } from "./matchers.js";

// "certificate issued by CA x; subjectAltName contains ..." pieces.
function certificateWords(certificate: HttpExpectation["certificate"]): string[] {
  if (certificate === undefined) return [];
  const words: string[] = [];
  if (certificate.subject !== undefined) words.push(`certificate subject ${describeMatcher(certificate.subject)}`);
  if (certificate.issuer !== undefined) words.push(`certificate issuer ${describeMatcher(certificate.issuer)}`);
  if (certificate.subjectAltName !== undefined) words.push(`certificate subjectAltName ${describeMatcher(certificate.subjectAltName)}`);
  if (certificate.issuedByCa !== undefined) words.push(`certificate issued by CA ${certificate.issuedByCa}`);
  return words;
}

// The expectation of an HTTP check in words.
export function describeHttpExpectation(expect: HttpExpectation, repeat?: number): string {
  if (expect.error !== undefined) return `the request fails with an error that ${describeMatcher(expect.error)}`;
  const words: string[] = [];
  if (expect.status !== undefined) words.push(`HTTP ${expect.status}`);
  for (const matcher of expect.body ?? []) words.push(`body ${describeMatcher(matcher)}`);
  for (const [name, matcher] of Object.entries(expect.headers ?? {})) words.push(`header ${name} ${describeMatcher(matcher)}`);
  words.push(...certificateWords(expect.certificate));
  const text = words.length === 0 ? "any HTTP response" : words.join(", ");
  return repeat !== undefined && repeat > 1 ? `one sample of ${repeat} responses, every one with ${text}` : text;
}

// The expectation of a TCP check in words.
export function describeTcpExpectation(expect: TcpExpectation): string {
  const words = [
    ...(expect.banner ?? []).map((matcher) => `banner ${describeMatcher(matcher)}`),
    ...(expect.echo ?? []).map((matcher) => `echo ${describeMatcher(matcher)}`),
    ...certificateWords(expect.certificate),
  ];
  return words.length === 0 ? "the connection succeeds" : words.join(", ");
}

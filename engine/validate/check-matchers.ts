// Every Matcher a check carries, with where it sits ("expect.body[0]"), for the lab definition checks.

import type { Check, HttpExpectation, Matcher, TcpExpectation } from "../lab-types.js";

/** A matcher and its place in the check. */
export interface PlacedMatcher {
  where: string;
  matcher: Matcher;
}

function certificateMatchers(certificate: HttpExpectation["certificate"], prefix: string): PlacedMatcher[] {
  if (certificate === undefined) return [];
  const fields = [["subject", certificate.subject], ["issuer", certificate.issuer], ["subjectAltName", certificate.subjectAltName]] as const;
  return fields.flatMap(([name, matcher]) => (matcher === undefined ? [] : [{ where: `${prefix}.certificate.${name}`, matcher }]));
}

function listed(matchers: readonly Matcher[] | undefined, where: string): PlacedMatcher[] {
  return (matchers ?? []).map((matcher, index) => ({ where: `${where}[${index}]`, matcher }));
}

function httpMatchers(expect: HttpExpectation, prefix: string): PlacedMatcher[] {
  return [
    ...listed(expect.body, `${prefix}.body`),
    ...Object.entries(expect.headers ?? {}).map(([name, matcher]) => ({ where: `${prefix}.headers.${name}`, matcher })),
    ...certificateMatchers(expect.certificate, prefix),
    ...(expect.error === undefined ? [] : [{ where: `${prefix}.error`, matcher: expect.error }]),
  ];
}

function tcpMatchers(expect: TcpExpectation): PlacedMatcher[] {
  return [...listed(expect.banner, "expect.banner"), ...listed(expect.echo, "expect.echo"), ...certificateMatchers(expect.certificate, "expect")];
}

// The check's matchers; a check kind without matchers gives none.
export function matchersOf(check: Check): PlacedMatcher[] {
  switch (check.kind) {
    case "http":
      return httpMatchers(check.expect, "expect");
    case "tcp":
      return tcpMatchers(check.expect);
    case "weighted":
      return [{ where: "hit", matcher: check.hit }, ...(check.valid === undefined ? [] : httpMatchers(check.valid, "valid"))];
    case "logs":
    case "exec":
    case "istioctl":
      return listed(check.expect, "expect");
    case "object":
      return typeof check.expect === "string" ? [] : [{ where: `expect(${check.expect.path})`, matcher: check.expect.matcher }];
    case "proxy-config":
    case "sequence":
      return [];
  }
}

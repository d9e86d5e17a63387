// Where a check's matchers sit ("expect.body[0]"), for the lab definition checks: each check kind lists its own. Pure.

import type { HttpExpectation, Matcher, TcpExpectation } from "../lab-types.js";

/** A matcher and its place in the check. */
export interface PlacedMatcher {
  where: string;
  matcher: Matcher;
}

// The certificate expectation's matchers under `prefix`.
function certificateMatchers(certificate: HttpExpectation["certificate"], prefix: string): PlacedMatcher[] {
  if (certificate === undefined) return [];
  const fields = [["subject", certificate.subject], ["issuer", certificate.issuer], ["subjectAltName", certificate.subjectAltName]] as const;
  return fields.flatMap(([name, matcher]) => (matcher === undefined ? [] : [{ where: `${prefix}.certificate.${name}`, matcher }]));
}

// A list of matchers, each placed at its index.
export function listed(matchers: readonly Matcher[] | undefined, where: string): PlacedMatcher[] {
  return (matchers ?? []).map((matcher, index) => ({ where: `${where}[${index}]`, matcher }));
}

// An HTTP expectation's matchers under `prefix` ("expect", "valid").
export function httpMatchers(expect: HttpExpectation, prefix: string): PlacedMatcher[] {
  return [
    ...listed(expect.body, `${prefix}.body`),
    ...Object.entries(expect.headers ?? {}).map(([name, matcher]) => ({ where: `${prefix}.headers.${name}`, matcher })),
    ...certificateMatchers(expect.certificate, prefix),
    ...(expect.error === undefined ? [] : [{ where: `${prefix}.error`, matcher: expect.error }]),
  ];
}

// A TCP expectation's matchers.
export function tcpMatchers(expect: TcpExpectation): PlacedMatcher[] {
  return [...listed(expect.banner, "expect.banner"), ...listed(expect.echo, "expect.echo"), ...certificateMatchers(expect.certificate, "expect")];
}

// A raw TCP (or TLS over TCP) check: the banner, the echo of a sent line, the presented certificate.

import type { LabContext } from "../../lab-context.js";
import type { TcpCheck } from "../../lab-types.js";
import type { TcpProbeResult } from "../../probes/probe-types.js";
import { ProbeError } from "../../probes/probe-types.js";
import { evaluateMatcher } from "../../checks/matchers.js";
import { clip, type Evaluation } from "../poll.js";
import { judgeCertificate, summariseCertificate } from "../../checks/certificate-expectation.js";
import { caSubjectOf } from "./ca-subject.js";
import type { PolledCheckKind } from "../check-kind.js";
import { describeTcpExpectation } from "../../checks/describe-expectation.js";
import { tcpMatchers } from "../../checks/placed-matchers.js";

// undefined when the exchange meets the expectation, else the first reason.
export function judgeTcpResult(check: TcpCheck, result: TcpProbeResult, caSubject: string | undefined): string | undefined {
  for (const matcher of check.expect.banner ?? []) {
    const reason = evaluateMatcher(matcher, result.banner, "banner");
    if (reason !== undefined) return reason;
  }
  for (const matcher of check.expect.echo ?? []) {
    const reason = evaluateMatcher(matcher, result.echo, "echo");
    if (reason !== undefined) return reason;
  }
  if (check.expect.certificate !== undefined) return judgeCertificate(check.expect.certificate, result.certificate, caSubject);
  return undefined;
}

// An evaluation function for pollUntil: one connection, judged.
export async function prepareTcpCheck(check: TcpCheck, ctx: LabContext): Promise<() => Promise<Evaluation>> {
  const caSubject = await caSubjectOf(ctx.certs, check.expect.certificate);
  return async () => {
    try {
      const result = await ctx.probe.tcp(check.request, ctx.signal);
      const reason = judgeTcpResult(check, result, caSubject);
      const parts = [`banner: ${clip(result.banner, 200) || "(none)"}`];
      if (check.request.send !== undefined) parts.push(`echo: ${clip(result.echo, 200) || "(none)"}`);
      if (check.expect.certificate !== undefined) parts.push(summariseCertificate(result.certificate));
      const summary = parts.join("; ");
      return { ok: reason === undefined, seen: reason === undefined ? summary : `${summary} — ${reason}` };
    } catch (error) {
      if (!(error instanceof ProbeError)) throw error;
      return { ok: false, seen: `connection failed: ${error.message}` };
    }
  };
}

/** The tcp check kind: one connection, judged. */
export const tcpCheckKind: PolledCheckKind<TcpCheck> = {
  timing: { timeoutMs: 60_000, intervalMs: 1_000 },
  describe: (check, { probe }) => ({ expected: describeTcpExpectation(check.expect), command: probe.equivalent(check.request, "tcp") }),
  prepare: (check, ctx) => prepareTcpCheck(check, ctx),
  matchers: (check) => tcpMatchers(check.expect),
};

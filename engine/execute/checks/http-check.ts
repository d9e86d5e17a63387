// An HTTP(S) check through the ingress gateway: status, body, headers, certificate, an expected failure,
// or `repeat` consecutive responses that all match.

import type { LabContext } from "../../lab-context.js";
import type { HttpCheck } from "../../lab-types.js";
import { ProbeError } from "../../probes/probe-types.js";
import type { Evaluation } from "../poll.js";
import { caSubjectOf } from "./certificate-expectation.js";
import { judgeHttpFailure, judgeHttpResponse, summariseHttpResponse } from "./http-expectation.js";

// Sends one request and judges it.
async function evaluateOnce(check: HttpCheck, ctx: LabContext, caSubject: string | undefined): Promise<Evaluation> {
  try {
    const result = await ctx.probe.http(check.request, ctx.signal);
    const reason = judgeHttpResponse(check.expect, result, caSubject);
    const summary = summariseHttpResponse(check.expect, result);
    return { ok: reason === undefined, seen: reason === undefined ? summary : `${summary} — ${reason}` };
  } catch (error) {
    if (!(error instanceof ProbeError)) throw error;
    const reason = judgeHttpFailure(check.expect, error.message);
    if (reason === undefined) return { ok: true, seen: `request failed as expected: ${error.message}` };
    return { ok: false, seen: check.expect.error === undefined ? reason : `request failed: ${error.message} — ${reason}` };
  }
}

// An evaluation function for pollUntil: one request, or `repeat` in a row that must all match.
export async function prepareHttpCheck(check: HttpCheck, ctx: LabContext): Promise<() => Promise<Evaluation>> {
  const caSubject = await caSubjectOf(ctx.certs, check.expect.certificate);
  const repeat = Math.max(1, check.repeat ?? 1);
  return async () => {
    let last: Evaluation = { ok: false, seen: "no request sent" };
    for (let index = 1; index <= repeat; index++) {
      last = await evaluateOnce(check, ctx, caSubject);
      const details = { requests: index, matched: last.ok ? index : index - 1 };
      if (!last.ok) return repeat === 1 ? { ...last, details } : { ok: false, seen: `request ${index} of ${repeat}: ${last.seen}`, details };
    }
    const details = { requests: repeat, matched: repeat };
    return repeat === 1 ? { ...last, details } : { ok: true, seen: `${repeat} of ${repeat} requests matched; last: ${last.seen}`, details };
  };
}

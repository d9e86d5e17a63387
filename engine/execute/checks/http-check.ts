// An HTTP(S) check through the ingress gateway: status, body, headers, certificate, an expected failure,
// or `repeat` responses that must all match (one sample after the gate: see sample-once.ts).

import type { LabContext } from "../../lab-context.js";
import type { HttpCheck } from "../../lab-types.js";
import { ProbeError } from "../../probes/probe-types.js";
import type { Evaluation } from "../poll.js";
import { caSubjectOf } from "./ca-subject.js";
import { judgeHttpFailure, judgeHttpResponse, summariseHttpResponse } from "../../checks/http-expectation.js";
import { prepareSampleOnce } from "./sample-once.js";
import type { PolledCheckKind } from "../check-kind.js";
import { describeHttpExpectation } from "../../checks/describe-expectation.js";
import { httpMatchers } from "../../checks/placed-matchers.js";

/** One request's verdict, and whether the route answered at all (a transport failure or an unexpected status is "not ready"). */
interface HttpAnswer extends Evaluation {
  ready: boolean;
}

// Sends one request and judges it.
async function evaluateOnce(check: HttpCheck, ctx: LabContext, caSubject: string | undefined): Promise<HttpAnswer> {
  try {
    const result = await ctx.probe.http(check.request, ctx.signal);
    const reason = judgeHttpResponse(check.expect, result, caSubject);
    const summary = summariseHttpResponse(check.expect, result);
    const ready = check.expect.status === undefined || result.status === check.expect.status;
    return { ok: reason === undefined, ready, seen: reason === undefined ? summary : `${summary} — ${reason}` };
  } catch (error) {
    if (!(error instanceof ProbeError)) throw error;
    const reason = judgeHttpFailure(check.expect, error.message);
    if (reason === undefined) return { ok: true, ready: true, seen: `request failed as expected: ${error.message}` };
    return { ok: false, ready: check.expect.error !== undefined, seen: check.expect.error === undefined ? reason : `request failed: ${error.message} — ${reason}` };
  }
}

// "3 of 20 responses broke the claim; first: request 4: HTTP 200; body: ... — expected ...".
function judgeSample(answers: readonly HttpAnswer[]): Evaluation {
  const broken = answers.flatMap((answer, index) => (answer.ok ? [] : [{ index, answer }]));
  const total = answers.length;
  const details = { requests: total, sample: total, matched: total - broken.length, violations: broken.length };
  const first = broken[0];
  if (first === undefined) return { ok: true, seen: `${total} of ${total} responses matched; last: ${answers.at(-1)?.seen ?? ""}`, details };
  return { ok: false, seen: `${broken.length} of ${total} responses broke the claim (one sample, taken after the gate); first: request ${first.index + 1}: ${first.answer.seen}`, details };
}

// An evaluation function for pollUntil: one request, or one sample of `repeat` that must all match.
export async function prepareHttpCheck(check: HttpCheck, ctx: LabContext): Promise<() => Promise<Evaluation>> {
  const caSubject = await caSubjectOf(ctx.certs, check.expect.certificate);
  const repeat = Math.max(1, check.repeat ?? 1);
  if (repeat === 1) {
    return async () => {
      const answer = await evaluateOnce(check, ctx, caSubject);
      return { ok: answer.ok, seen: answer.seen, details: { requests: 1, matched: answer.ok ? 1 : 0 } };
    };
  }
  return prepareSampleOnce<HttpAnswer>({
    size: repeat,
    concurrency: 1,
    send: () => evaluateOnce(check, ctx, caSubject),
    notReady: (answer) => (answer.ready ? undefined : answer.seen),
    judge: judgeSample,
  });
}

/** The http check kind: one request, or one sample of `repeat`, through the ingress gateway. */
export const httpCheckKind: PolledCheckKind<HttpCheck> = {
  timing: { timeoutMs: 60_000, intervalMs: 1_000 },
  describe: (check, { probe }) => ({ expected: describeHttpExpectation(check.expect, check.repeat), command: probe.equivalent(check.request, "http") }),
  prepare: (check, ctx) => prepareHttpCheck(check, ctx),
  matchers: (check) => httpMatchers(check.expect, "expect"),
  sampled: (check) => (check.repeat ?? 1) > 1,
};

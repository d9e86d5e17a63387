// Polls an evaluation until it passes or its deadline passes, keeping what it last saw: the heart of
// every check (eventual consistency is normal in a mesh). Polling is for "not yet ready", never for
// "got an unlucky answer": an evaluation that judged a sample marks itself final and ends the poll.

import { describeError } from "../../core/errors.js";
import type { ObservedState } from "../check-outcome.js";

export { clip } from "../checks/text-snippet.js";

/** One evaluation of a check: whether it holds and what was seen. */
export interface Evaluation {
  ok: boolean;
  /** What was observed (trimmed), with the reason when it does not match. */
  seen: string;
  details?: Record<string, string | number>;
  timeline?: ObservedState[];
  /** The verdict stands: a sample was judged after the check was ready, so polling again would only re-sample. */
  final?: boolean;
}

/** How long and how often to poll, and the clock and signal to do it with. */
export interface PollOptions {
  timeoutMs: number;
  intervalMs: number;
  /** Evaluate once, whatever the result (self-test). */
  singleAttempt?: boolean;
  now: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  signal: AbortSignal;
  /** Told about every failed attempt before the next one (the --verbose log). */
  onRetry?: (attempts: number, seen: string) => void;
}

/** The last evaluation, with how many attempts it took and for how long. */
export interface PollResult extends Evaluation {
  attempts: number;
  durationMs: number;
}

/** What an evaluation may use: its number (1-based) and the time left until the deadline. */
export interface AttemptInfo {
  attempt: number;
  remainingMs: number;
}

// Evaluates until ok, a final verdict, the deadline, or the signal; a thrown error counts as a failed attempt (its message is the seen).
export async function pollUntil(evaluate: (info: AttemptInfo) => Promise<Evaluation>, options: PollOptions): Promise<PollResult> {
  const startedAt = options.now();
  const deadline = startedAt + options.timeoutMs;
  let attempts = 0;
  let last: Evaluation = { ok: false, seen: "nothing yet" };
  for (;;) {
    options.signal.throwIfAborted();
    attempts += 1;
    last = await evaluateSafely(evaluate, { attempt: attempts, remainingMs: Math.max(0, deadline - options.now()) }, options.signal);
    const done = last.ok || last.final === true || options.singleAttempt === true || options.now() >= deadline;
    if (done) return { ...last, attempts, durationMs: options.now() - startedAt };
    options.onRetry?.(attempts, last.seen);
    await options.sleep(Math.min(options.intervalMs, Math.max(0, deadline - options.now())), options.signal);
  }
}

// One evaluation; errors become a failed evaluation unless the run was aborted.
async function evaluateSafely(evaluate: (info: AttemptInfo) => Promise<Evaluation>, info: AttemptInfo, signal: AbortSignal): Promise<Evaluation> {
  try {
    return await evaluate(info);
  } catch (error) {
    signal.throwIfAborted();
    return { ok: false, seen: describeError(error) };
  }
}

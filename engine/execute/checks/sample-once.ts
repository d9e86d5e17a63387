// The sampling rule of every check that judges many responses ("every response is v1", "about 10% are
// v2"): its step's earlier checks are the gate (normally the proxy-config check that the route is in
// place); the check then waits only until the route answers at all, and judges ONE sample that starts
// with that first ready answer. A violation inside the sample is final, with the counts seen: re-sampling
// until a lucky streak would turn "every response" into "some streak".

import type { Evaluation } from "../poll.js";
import { runConcurrently } from "../../checks/run-concurrently.js";

/** How to take and judge one sample. */
export interface SampleSpec<T> {
  /** Answers in the sample, the first ready one included. */
  size: number;
  /** Requests in flight at once for the rest of the sample. */
  concurrency: number;
  send: () => Promise<T>;
  /** Why this answer shows the route is not serving yet (poll again), or undefined when it is ready. */
  notReady: (answer: T) => string | undefined;
  /** The verdict on the whole sample, with the counts seen. */
  judge: (answers: readonly T[]) => Evaluation;
}

// An evaluation for pollUntil: "not ready yet" (retried) until an answer is ready, then one final verdict.
export function prepareSampleOnce<T>(spec: SampleSpec<T>): () => Promise<Evaluation> {
  return async () => {
    const first = await spec.send();
    const waiting = spec.notReady(first);
    if (waiting !== undefined) return { ok: false, seen: `not ready yet (no sample taken): ${waiting}` };
    const rest = await runConcurrently(Math.max(0, spec.size - 1), spec.concurrency, spec.send);
    return { ...spec.judge([first, ...rest]), final: true };
  };
}

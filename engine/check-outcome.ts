// What running one check produced: enough for the terminal, the reports and the person debugging.
export type CheckStatus = "passed" | "failed" | "skipped";

/** One state a watched object went through, e.g. a Canary's "Progressing 30", and when it was first seen. */
export interface ObservedState {
  /** Milliseconds after the check started. */
  atMs: number;
  state: string;
  /** The check's note fields at that moment, e.g. Flagger's failed-check count and condition message. */
  notes?: Record<string, string>;
}

/** Which side of a mirror a check counts: responses users got, or copies the mirror received. */
export type MirrorSide = "served" | "copied";

export interface CheckOutcome {
  title: string;
  status: CheckStatus;
  /** What the check wanted, in words. */
  expected: string;
  /** What was last seen (trimmed), or the skip reason. */
  seen: string;
  /** The command a person can run to see it themselves. */
  command: string;
  attempts: number;
  durationMs: number;
  /** Extra numbers worth reporting, e.g. a weighted check's n and band. */
  details?: Record<string, string | number>;
  /** The check's kind (http, weighted, sequence, ...); the HTML report picks its chart by it. */
  kind?: string;
  /** Sequence checks: every state observed, in order, with its time. */
  timeline?: ObservedState[];
  /** A mirror check's side, for the report's counts chart. */
  mirrorSide?: MirrorSide;
}

// What running one check produced: enough for the terminal, the JUnit report and the person debugging.
export type CheckStatus = "passed" | "failed" | "skipped";

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
}

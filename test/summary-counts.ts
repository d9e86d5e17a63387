// The counts of the summary line: a test marked `fails` that failed as expected is an expected failure, not a pass.

/** What the summary needs of one test: its final state and whether it was expected to fail. */
export interface TestOutcome {
  state: string;
  expectedToFail: boolean;
}

export interface SummaryCounts {
  passed: number;
  failed: number;
  skipped: number;
  expectedFail: number;
}

// Counts passed, failed, skipped and expected-fail separately.
export function countOutcomes(outcomes: Iterable<TestOutcome>): SummaryCounts {
  const count: SummaryCounts = { passed: 0, failed: 0, skipped: 0, expectedFail: 0 };
  for (const { state, expectedToFail } of outcomes) {
    if (state === "passed" && expectedToFail) count.expectedFail++;
    else if (state === "passed") count.passed++;
    else if (state === "failed") count.failed++;
    else count.skipped++;
  }
  return count;
}

// "Tests: 1000 passed, 0 failed, 3 skipped, 1 expected-fail".
export function formatCounts(count: SummaryCounts): string {
  return `Tests: ${count.passed} passed, ${count.failed} failed, ${count.skipped} skipped, ${count.expectedFail} expected-fail`;
}

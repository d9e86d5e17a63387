import type { Reporter, TestModule } from "vitest/node";
import { countOutcomes, formatCounts, type TestOutcome } from "./summary-counts.js";

// Ends the run with one plain line, "Tests: N passed, N failed, N skipped, N expected-fail", that any CI can read.
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const outcomes: TestOutcome[] = [];
    for (const module of testModules) {
      for (const test of module.children.allTests()) outcomes.push({ state: test.result().state, expectedToFail: test.options.fails === true });
      // A file that failed before defining any test counts as one failure.
      if (module.state() === "failed" && [...module.children.allTests()].length === 0) outcomes.push({ state: "failed", expectedToFail: false });
    }
    process.stdout.write(`\n${formatCounts(countOutcomes(outcomes))}\n`);
  }
}

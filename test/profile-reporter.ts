import { relative } from "node:path";
import type { Reporter, TestModule } from "vitest/node";
import { formatSlowest, slowestFiles } from "./slowest-files.js";

// `npm run test:profile`: ends the run with the ten slowest test files, so the suite's budget stays visible.
export default class ProfileReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const times = testModules.map((module) => {
      const { collectDuration, duration } = module.diagnostic();
      return { file: relative(process.cwd(), module.moduleId), ms: collectDuration + duration };
    });
    process.stdout.write(`\n${formatSlowest(slowestFiles(times))}\n`);
  }
}

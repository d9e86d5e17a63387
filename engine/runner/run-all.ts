import { describeError } from "../../core/errors.js";
import { selectLabs } from "./select-labs.js";
import type { LabDefinition } from "../lab-types.js";
import type { LabResult } from "./lab-result.js";
import type { RunLabDeps, RunLabOptions } from "./run-options.js";
import { runLab } from "./run-lab.js";
import { assertValidLab } from "../validate/validate-lab.js";

export { selectLabs };

export interface RunAllOptions extends RunLabOptions {
  /** Run only these lab ids (registry order is kept). */
  only?: string[];
  /** Leave these lab ids out. */
  skip?: string[];
  /** Brings the cluster back to the baseline; called before every lab but the first. */
  reset: (lab: LabDefinition) => Promise<void>;
  /** Called after each lab (the CLI prints its outcome). */
  onLabDone?: (result: LabResult) => void;
}

// Runs the selected labs one after another, resetting between them and continuing past failures.
export async function runAll(labs: readonly LabDefinition[], deps: RunLabDeps, options: RunAllOptions): Promise<LabResult[]> {
  const selected = selectLabs(labs, options.only, options.skip);
  for (const lab of selected) assertValidLab(lab, { fast: options.fast });
  const results: LabResult[] = [];
  for (const [index, lab] of selected.entries()) {
    if (deps.ctx.signal.aborted) break;
    if (index > 0) {
      const startedAt = deps.ctx.now();
      try {
        await options.reset(lab);
      } catch (error) {
        const failed = resetFailed(lab, error, deps.ctx.now() - startedAt);
        results.push(failed);
        options.onLabDone?.(failed);
        continue;
      }
    }
    const result = await runLab(lab, deps, options);
    results.push(result);
    options.onLabDone?.(result);
  }
  return results;
}

// A lab that could not start because the reset before it failed.
function resetFailed(lab: LabDefinition, error: unknown, durationMs: number): LabResult {
  const seen = describeError(error);
  return {
    labId: lab.id,
    status: "failed",
    durationMs,
    steps: [{ title: "reset", status: "failed", durationMs, actions: [], checks: [], reason: seen }],
    cleanup: [],
    failure: { step: "reset", message: "reset before the lab failed", expected: "the cluster back at the baseline", seen, command: "npm run lab reset" },
  };
}

import { join } from "node:path";
import { cacheDir } from "../../core/paths.js";
import { describeError } from "../../core/errors.js";
import { collectDiagnostics } from "../diagnostics/collect-diagnostics.js";
import type { Action, LabDefinition, Step } from "../lab-types.js";
import type { RunState } from "../run-state.js";
import { isLocalCertStore } from "../certs/cert-store.js";
import { describeAction } from "../execute/describe-action.js";
import { targetCommand } from "../../core/command-target.js";
import { runCleanup } from "./lab-cleanup.js";
import type { LabFailure, LabResult, LabStop, StepResult } from "./lab-result.js";
import { statusOfLab } from "./lab-status.js";
import { runTaskGroup, type RenderView } from "./listr-group.js";
import type { RunLabDeps, RunLabOptions } from "./run-options.js";
import { stopRecord } from "./run-failure.js";
import { previewStep } from "./step-preview.js";
import { runStep } from "./step-run.js";
import { assertValidLab } from "../validate/validate-lab.js";

// Refuses an unsound lab definition; runs its steps in order; on failure collects diagnostics; then always runs cleanup and stops traffic.
export async function runLab(lab: LabDefinition, deps: RunLabDeps, options: RunLabOptions): Promise<LabResult> {
  assertValidLab(lab, { fast: options.fast });
  const { ctx, executor } = deps;
  const view: RenderView = { renderer: options.renderer, ...(options.output ? { output: options.output } : {}) };
  const state: RunState = { labId: lab.id, traffic: new Map(), workDir: options.workDir ?? join(cacheDir(), "runs") };
  const paths = { workDir: state.workDir, ...(isLocalCertStore(ctx.certs) ? { certDir: ctx.certs.dir } : {}) };
  const describe = (action: Action): string => targetCommand(describeAction(action, ctx.tools, paths), ctx.cluster);
  const startedAt = ctx.now();
  const steps = lab.steps({ fast: options.fast });
  const results: StepResult[] = [];
  let failure: LabFailure | undefined;
  let stopped: LabStop | undefined;
  let windowBeforeStart = new Date(startedAt);

  for (const [index, step] of steps.entries()) {
    const blockedBy = failure ? `not run: step '${failure.step}' failed` : stopped?.message;
    if (blockedBy !== undefined) {
      results.push(notRun(step, describe, blockedBy));
      continue;
    }
    if (ctx.signal.aborted) {
      stopped = stopRecord(step.title, "ctrl-c", "before");
      results.push(notRun(step, describe, stopped.message));
      continue;
    }
    if (options.stepMode) {
      const preview = previewStep(lab.id, step, index, steps.length, step.actions.map(describe), ctx.projectRoot);
      const choice = await options.stepMode.beforeStep(preview);
      if (choice === "skip") {
        results.push({ ...notRun(step, describe, "skipped in step mode"), status: "skipped" });
        continue;
      }
      if (choice === "quit") {
        stopped = stopRecord(step.title, "quit", "before");
        results.push(notRun(step, describe, stopped.message));
        continue;
      }
    }
    const label = `${lab.id} ${index + 1}/${steps.length}`;
    const stepStartedAt = new Date(ctx.now());
    const run = await runStep({ step, label, windowBeforeStart, ctx, executor, state, selfTest: options.selfTest, verbose: options.verbose, view, describe });
    windowBeforeStart = stepStartedAt;
    results.push(run.result);
    failure = run.failure;
    if (run.interrupted) {
      stopped = stopRecord(step.title, "ctrl-c", "during");
      run.result.reason = stopped.message;
    }
  }

  const result: LabResult = { labId: lab.id, status: stopped?.by === "ctrl-c" ? "failed" : statusOfLab(results), durationMs: 0, steps: results, cleanup: [] };
  if (failure) result.failure = failure;
  if (stopped) result.stopped = stopped;
  if (failure) {
    const dir = await runDiagnostics(lab, deps, options.reportDir ?? state.workDir, failure, view);
    if (dir) result.diagnosticsDir = dir;
  }
  result.cleanup = await runCleanup({ actions: lab.cleanup ?? [], ctx, executor, state, view, describe, verbose: options.verbose });
  result.durationMs = ctx.now() - startedAt;
  return result;
}

function notRun(step: Step, describe: (action: Action) => string, reason: string): StepResult {
  return { title: step.title, status: "not-run", durationMs: 0, actions: step.actions.map((a) => ({ command: describe(a), status: "not-run" })), checks: [], reason };
}

// Collects the bundle as its own task; a broken collector never hides the lab's failure.
async function runDiagnostics(lab: LabDefinition, deps: RunLabDeps, baseDir: string, failure: LabFailure, view: RenderView): Promise<string | undefined> {
  let dir: string | undefined;
  try {
    await runTaskGroup(
      "Diagnostics",
      [
        {
          title: "collect pods, events, Envoy config and logs",
          run: async (task) => {
            dir = await collectDiagnostics(lab, deps.ctx, baseDir, { failure });
            task.setTitle(`diagnostics written to ${dir}`);
          },
        },
      ],
      view,
    );
  } catch (error) {
    deps.ctx.log(`diagnostics could not be written: ${describeError(error)}`);
  }
  return dir;
}

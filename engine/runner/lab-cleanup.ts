import { describeError } from "../../core/errors.js";
import type { Action } from "../lab-types.js";
import type { LabContext } from "../lab-context.js";
import type { RunState } from "../run-state.js";
import type { StepExecutor } from "../step-executor.js";
import type { ActionResult } from "./lab-result.js";
import { routeLogToTasks } from "./task-log.js";
import { runTaskGroup, type RenderView, type SubtaskSpec } from "./listr-group.js";

/** After Ctrl-C the cleanup still runs, under its own deadline. */
export const CLEANUP_AFTER_ABORT_MS = 120_000;

export interface CleanupInput {
  actions: readonly Action[];
  ctx: LabContext;
  executor: StepExecutor;
  state: RunState;
  view: RenderView;
  describe: (action: Action) => string;
  verbose: boolean;
}

// Stops background traffic, then runs the lab's cleanup actions; each one runs even if another failed.
export async function runCleanup(input: CleanupInput): Promise<ActionResult[]> {
  const { ctx, state } = input;
  const log = routeLogToTasks(ctx.signal.aborted ? { ...ctx, signal: AbortSignal.timeout(CLEANUP_AFTER_ABORT_MS) } : ctx, input.verbose);
  const cleanupCtx = log.ctx;
  const results: ActionResult[] = [];
  const subtasks: SubtaskSpec[] = [];
  for (const [id, handle] of state.traffic) {
    const record: ActionResult = { command: `stop background traffic '${id}'`, status: "not-run" };
    results.push(record);
    subtasks.push({
      title: record.command,
      run: async (task) => {
        log.attach(task);
        state.traffic.delete(id);
        const counts = await settle(record, () => handle.stop());
        if (counts) task.setTitle(`${record.command}: ${counts.sent} sent, ${counts.failed} failed`);
      },
    });
  }
  for (const action of input.actions) {
    const record: ActionResult = { command: input.describe(action), status: "not-run" };
    results.push(record);
    subtasks.push({
      title: record.command,
      run: async (task) => {
        log.attach(task);
        await settle(record, () => input.executor.runAction(action, cleanupCtx, state));
      },
    });
  }
  if (subtasks.length === 0) return results;
  try {
    await runTaskGroup("Cleanup", subtasks, input.view, { continueOnError: true });
  } catch {
    // Each record already holds its own error.
  }
  return results;
}

// Runs one cleanup piece, records how it went, and rethrows so the renderer marks it failed.
async function settle<T>(record: ActionResult, work: () => Promise<T>): Promise<T> {
  try {
    const value = await work();
    record.status = "passed";
    return value;
  } catch (error) {
    record.status = "failed";
    record.error = describeError(error);
    throw error;
  }
}

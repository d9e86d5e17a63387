import { describeError } from "../../core/errors.js";
import { batchActions } from "./action-batches.js";
import type { CheckOutcome } from "../check-outcome.js";
import type { Check, Step } from "../lab-types.js";
import type { LabContext } from "../lab-context.js";
import type { RunState } from "../run-state.js";
import type { RunCheckOptions, StepExecutor } from "../step-executor.js";
import type { ActionResult, LabFailure, StepResult } from "./lab-result.js";
import { selfTestChecks, statusOfChecks } from "./lab-status.js";
import { runTaskGroup, type RenderView, type SubtaskSpec, type TaskHandle } from "./listr-group.js";
import { routeLogToTasks } from "./task-log.js";
import { actionFailure, checkFailure, weakCheckFailure } from "./run-failure.js";

export interface StepRunInput {
  step: Step;
  /** e.g. "Step 2/5". */
  label: string;
  /** When the previous step (or the lab) started: the log window before this step's change, for --self-test. */
  windowBeforeStart: Date;
  ctx: LabContext;
  executor: StepExecutor;
  state: RunState;
  selfTest: boolean;
  verbose: boolean;
  view: RenderView;
  describe: (action: Step["actions"][number]) => string;
}

export interface StepRunOutput {
  result: StepResult;
  failure?: LabFailure;
  /** Ctrl-C arrived while the step ran. */
  interrupted: boolean;
}

class Interrupted extends Error {}

// Runs one step as a task group: self-test pre-checks, then actions, then checks; the first failure stops it.
export async function runStep(input: StepRunInput): Promise<StepRunOutput> {
  const { step, ctx, executor, state } = input;
  const startedAt = ctx.now();
  const stepStartedAt = new Date(startedAt);
  // Each action with the record it fills in (the result lists the records in the same order).
  const batches = batchActions(step.actions).map((batch) =>
    batch.actions.map((action) => {
      const record: ActionResult = { command: input.describe(action), status: "not-run" };
      return { action, record };
    }),
  );
  const actions = batches.flat();
  const result: StepResult = { title: step.title, status: "passed", durationMs: 0, actions: actions.map(({ record }) => record), checks: [] };
  const out: StepRunOutput = { result, interrupted: false };
  const log = routeLogToTasks(ctx, input.verbose);
  const stepCtx = log.ctx;

  const guard = (task: TaskHandle): void => {
    log.attach(task);
    if (ctx.signal.aborted) throw new Interrupted("interrupted (Ctrl-C)");
  };
  // The task line says what failed; expected/seen/command are printed once, in the lab's outcome.
  const fail = (failure: LabFailure): never => {
    out.failure = failure;
    throw new Error(failure.message);
  };
  const check = async (target: Check, options: RunCheckOptions): Promise<CheckOutcome> => {
    let outcome: CheckOutcome;
    try {
      outcome = await executor.runCheck(target, stepCtx, state, options);
    } catch (error) {
      if (ctx.signal.aborted) throw new Interrupted("interrupted (Ctrl-C)");
      outcome = { title: target.title, status: "failed", expected: "the check to run", seen: describeError(error), command: "", attempts: 0, durationMs: 0 };
    }
    if (ctx.signal.aborted && outcome.status !== "passed") throw new Interrupted("interrupted (Ctrl-C)");
    return outcome;
  };

  const subtasks: SubtaskSpec[] = [];
  if (input.selfTest) {
    result.selfTest = [];
    for (const target of selfTestChecks(step)) {
      subtasks.push({
        title: `self-test: ${target.title} must fail before the change`,
        run: async (task) => {
          guard(task);
          const outcome = await check(target, { stepStartedAt, logsSince: input.windowBeforeStart, singleAttempt: true });
          result.selfTest?.push(outcome);
          if (outcome.status === "passed") fail(weakCheckFailure(step.title, outcome));
          if (outcome.status === "skipped") return task.skip(`self-test skipped: ${outcome.seen}`);
          task.setTitle(`self-test: ${target.title} fails before the change, as it must`);
        },
      });
    }
  }
  const runOne = async ({ action, record }: { action: Step["actions"][number]; record: ActionResult }): Promise<void> => {
    try {
      await executor.runAction(action, stepCtx, state);
      record.status = "passed";
    } catch (error) {
      if (ctx.signal.aborted) throw new Interrupted("interrupted (Ctrl-C)");
      record.status = "failed";
      record.error = describeError(error);
    }
  };
  for (const batch of batches) {
    subtasks.push({
      title: batch.length === 1 ? (batch[0]?.record.command ?? "") : `${batch.length} rollouts together: ${batch.map(({ record }) => record.command).join("; ")}`,
      run: async (task) => {
        guard(task);
        // Every wait of the batch runs to its end, so the report shows each one's outcome.
        await Promise.all(batch.map(runOne));
        const failed = batch.find(({ record }) => record.status === "failed");
        if (failed !== undefined) fail(actionFailure(step.title, failed.record.command, failed.record.error ?? ""));
      },
    });
  }
  for (const target of step.checks) {
    subtasks.push({
      title: target.title,
      run: async (task) => {
        guard(task);
        const outcome = await check(target, { stepStartedAt });
        result.checks.push(outcome);
        if (outcome.status === "failed") fail(checkFailure(step.title, outcome));
        if (outcome.status === "skipped") task.skip(`skipped: ${outcome.seen}`);
      },
    });
  }

  try {
    await runTaskGroup(`${input.label}: ${step.title}`, subtasks, input.view);
  } catch (error) {
    if (out.failure === undefined) {
      if (error instanceof Interrupted || ctx.signal.aborted) out.interrupted = true;
      else out.failure = { step: step.title, message: `step failed: ${describeError(error)}`, expected: "the step to run", seen: describeError(error), command: "" };
    }
  }
  result.status = out.failure || out.interrupted ? "failed" : statusOfChecks(result.checks);
  result.durationMs = ctx.now() - startedAt;
  return out;
}

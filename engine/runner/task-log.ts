import type { LabContext } from "../lab-context.js";
import type { TaskHandle } from "./listr-group.js";

/** A context whose log lines go to the running task's output (--verbose), and the task to send them to. */
export interface TaskLog {
  ctx: LabContext;
  attach(task: TaskHandle): void;
}

// With --verbose, ctx.log lines become output of the task that is running; otherwise ctx.log is kept.
export function routeLogToTasks(ctx: LabContext, verbose: boolean): TaskLog {
  let current: TaskHandle | undefined;
  const routed: LabContext = verbose ? { ...ctx, log: (line) => (current ? current.output(line) : ctx.log(line)) } : ctx;
  return { ctx: routed, attach: (task) => void (current = task) };
}

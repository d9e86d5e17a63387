import type { PlatformDeps, PlatformProgress, PlatformRunResult, PlatformStep } from "../install/platform-types.js";

// Runs the steps in order, skipping those already in place; "already at baseline" when none had to run.
export async function runPlatformPlan(
  steps: readonly PlatformStep[],
  deps: PlatformDeps,
  onProgress: (progress: PlatformProgress) => void = () => {},
): Promise<PlatformRunResult> {
  const result: PlatformRunResult = { ran: [], skipped: [], alreadyAtBaseline: false };
  for (const step of steps) {
    deps.signal.throwIfAborted();
    onProgress({ type: "checking", step });
    if (await step.isDone(deps)) {
      result.skipped.push(step.id);
      onProgress({ type: "skipped", step });
      continue;
    }
    deps.signal.throwIfAborted();
    onProgress({ type: "running", step });
    const started = deps.now();
    await step.run(deps);
    result.ran.push(step.id);
    onProgress({ type: "finished", step, ms: deps.now() - started });
  }
  if (result.ran.length === 0) {
    result.alreadyAtBaseline = true;
    onProgress({ type: "already-at-baseline" });
  }
  return result;
}

// The --dry-run listing: each step's title and the command a person would type, touching nothing.
// Comment lines (# ...) are shown as they are, commands behind "$ ".
export function formatPlan(steps: readonly PlatformStep[]): string {
  const lines = (command: string) => command.split("\n").map((line) => `   ${line.startsWith("#") ? line : `$ ${line}`}`);
  return steps.map((step, i) => [`${i + 1}. ${step.title}`, ...lines(step.command)].join("\n")).join("\n");
}

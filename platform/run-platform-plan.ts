import { pendingParts, runParts } from "./parallel-steps.js";
import type { PlatformDeps, PlatformProgress, PlatformRunResult, PlatformStep } from "../cluster/install/platform-types.js";

// Runs the steps in order, skipping those already in place; "already at baseline" when none had to run.
export async function runPlatformPlan(
  steps: readonly PlatformStep[],
  deps: PlatformDeps,
  onProgress: (progress: PlatformProgress) => void = () => {},
): Promise<PlatformRunResult> {
  const result: PlatformRunResult = { ran: [], skipped: [], alreadyAtBaseline: false };
  for (const step of steps) {
    deps.signal.throwIfAborted();
    if (step.parts !== undefined) {
      await runParallelStep(step.parts, deps, onProgress, result);
      continue;
    }
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

// A step of independent parts: each reported on its own line, the pending ones started together.
async function runParallelStep(parts: readonly PlatformStep[], deps: PlatformDeps, onProgress: (progress: PlatformProgress) => void, result: PlatformRunResult): Promise<void> {
  for (const part of parts) onProgress({ type: "checking", step: part });
  const pending = await pendingParts(parts, deps);
  for (const part of parts.filter((candidate) => !pending.includes(candidate))) {
    result.skipped.push(part.id);
    onProgress({ type: "skipped", step: part });
  }
  deps.signal.throwIfAborted();
  const started = deps.now();
  for (const part of pending) onProgress({ type: "running", step: part });
  await runParts(pending, deps, (part) => {
    result.ran.push(part.id);
    onProgress({ type: "finished", step: part, ms: deps.now() - started });
  });
}

// The --dry-run listing: each step's title and the command a person would type, touching nothing.
// Comment lines (# ...) are shown as they are, commands behind "$ ".
export function formatPlan(steps: readonly PlatformStep[]): string {
  const lines = (command: string, indent: string) => command.split("\n").map((line) => `${indent}${line.startsWith("#") ? line : `$ ${line}`}`);
  return steps
    .map((step, i) => {
      if (step.parts === undefined) return [`${i + 1}. ${step.title}`, ...lines(step.command, "   ")].join("\n");
      const parts = step.parts.map((part, j) => [`   ${i + 1}${String.fromCharCode(97 + j)}. ${part.title}`, ...lines(part.command, "       ")].join("\n"));
      return [`${i + 1}. ${step.title}`, ...parts].join("\n");
    })
    .join("\n");
}

// Platform steps that do not depend on each other, run at the same time as one step of the plan.

import type { PlatformDeps, PlatformStep } from "../cluster/install/platform-types.js";

/** Several parts (each done or not on its own) that ran together and some failed. */
export class ParallelStepError extends Error {
  readonly hint: string;

  constructor(failed: ReadonlyArray<{ step: PlatformStep; error: unknown }>) {
    const first = failed[0];
    super(`${failed.map(({ step }) => step.id).join(" and ")} failed: ${first?.error instanceof Error ? first.error.message : String(first?.error)}`, { cause: first?.error });
    this.name = "ParallelStepError";
    this.hint = "The parts that succeeded stay in place; run `npm run lab up` again to retry the rest.";
  }
}

// The parts that are not in place yet (their isDone checks run together).
export async function pendingParts(parts: readonly PlatformStep[], deps: PlatformDeps): Promise<PlatformStep[]> {
  const done = await Promise.all(parts.map((part) => part.isDone(deps)));
  return parts.filter((_, index) => done[index] !== true);
}

// Runs `parts` concurrently, each to its end; rejects with every failure once all have settled.
export async function runParts(parts: readonly PlatformStep[], deps: PlatformDeps, onFinished: (part: PlatformStep) => void = () => {}): Promise<void> {
  const settled = await Promise.allSettled(parts.map(async (part) => {
    await part.run(deps);
    onFinished(part);
  }));
  const failed = settled.flatMap((outcome, index) => (outcome.status === "rejected" ? [{ step: parts[index] as PlatformStep, error: outcome.reason as unknown }] : []));
  if (failed.length === 1 && failed[0] !== undefined) throw failed[0].error;
  if (failed.length > 1) throw new ParallelStepError(failed);
}

// One plan step made of independent parts: done when every part is, run by running the pending ones together.
export function parallelSteps(id: string, title: string, parts: readonly PlatformStep[]): PlatformStep {
  return {
    id,
    title,
    command: parts.map((part) => [`# ${part.title}`, part.command].join("\n")).join("\n"),
    parts,
    async isDone(deps) {
      return (await pendingParts(parts, deps)).length === 0;
    },
    async run(deps) {
      await runParts(await pendingParts(parts, deps), deps);
    },
  };
}

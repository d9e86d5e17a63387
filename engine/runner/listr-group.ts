import type { Writable } from "node:stream";
import type { RendererName } from "./choose-renderer.js";

// The one place that talks to listr2 (imported lazily): a titled group of subtasks, drawn by a renderer.

/** What a subtask may do to its line on screen. */
export interface TaskHandle {
  setTitle(title: string): void;
  /** A line under the task (the simple renderer prints each one). */
  output(line: string): void;
  /** Marks the task skipped with a reason; the task function should return after this. */
  skip(reason: string): void;
}

export interface SubtaskSpec {
  title: string;
  run: (task: TaskHandle) => Promise<void>;
}

export interface RenderView {
  renderer: RendererName;
  output?: Writable;
}

export interface GroupOptions {
  /** Keep running the other subtasks after one fails (cleanup); otherwise the first failure stops the group. */
  continueOnError?: boolean;
}

// Runs the subtasks in order under one parent title; rejects with the first error unless continueOnError.
export async function runTaskGroup(title: string, subtasks: readonly SubtaskSpec[], view: RenderView, options: GroupOptions = {}): Promise<void> {
  const { Listr, ListrLogger, ProcessOutput } = await import("listr2");
  const exitOnError = !options.continueOnError;
  const stream = view.output as NodeJS.WriteStream | undefined;
  const logger = stream === undefined ? undefined : new ListrLogger({ useIcons: view.renderer !== "test", processOutput: new ProcessOutput(stream, stream) });
  const rendererOptions: Record<string, unknown> = { ...(logger ? { logger } : {}), ...(view.renderer === "default" ? { collapseSubtasks: false } : {}) };
  const list = new Listr(
    [
      {
        title,
        // Returned, not run: the parent's renderer draws the subtasks (a second renderer would fight it for the screen).
        task: (_ctx: unknown, parent) =>
          parent.newListr(
            subtasks.map((spec) => ({
              title: spec.title,
              task: async (_sub: unknown, task) => {
                await spec.run({
                  setTitle: (text) => (task.title = text),
                  output: (line) => (task.output = line),
                  skip: (reason) => task.skip(reason),
                });
              },
            })),
            { exitOnError },
          ),
      },
    ],
    {
      renderer: view.renderer,
      fallbackRenderer: "simple",
      rendererOptions: rendererOptions as never,
      fallbackRendererOptions: rendererOptions as never,
      exitOnError,
      registerSignalListeners: false,
      collectErrors: false,
    },
  );
  await list.run();
}

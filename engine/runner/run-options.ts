import type { Writable } from "node:stream";
import type { LabContext } from "../lab-context.js";
import type { StepExecutor } from "../step-executor.js";
import type { RendererName } from "./choose-renderer.js";

/** What step mode shows before a step: its title, why it matters, and what it will run. */
export interface StepPreview {
  labId: string;
  /** 1-based. */
  index: number;
  total: number;
  title: string;
  why: string;
  /** The equivalent command of each action, in order. */
  commands: string[];
  /** Absolute paths of the manifest files the step applies or deletes. */
  manifests: string[];
}

/** `run` the step, `skip` it (it is reported as skipped), or `quit` the lab (cleanup still runs). */
export type StepChoice = "run" | "skip" | "quit";

/** Step mode (`--step`): asked before each step; tests drive it without a terminal. */
export interface StepPrompter {
  beforeStep(preview: StepPreview): Promise<StepChoice>;
}

/** The edges a run uses; the executor is injected so tests can run labs on small fakes. */
export interface RunLabDeps {
  ctx: LabContext;
  executor: StepExecutor;
}

export interface RunLabOptions {
  /** Run each must-fail-first check once before its step; it must fail. */
  selfTest: boolean;
  /** Shorter intervals where the lab allows it. */
  fast: boolean;
  /** Show every command and poll attempt (ctx.log lines) as task output. */
  verbose: boolean;
  renderer: RendererName;
  stepMode?: StepPrompter;
  /** Diagnostics go to `<reportDir>/diagnostics/<lab-id>/`; default the work folder. */
  reportDir?: string;
  /** Where actions write rendered files (RunState.workDir); default `<cache>/runs`. */
  workDir?: string;
  /** Where the renderer writes (default the process's stdout/stderr); tests capture it here. */
  output?: Writable;
}

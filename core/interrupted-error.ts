import { LabError } from "./errors.js";
import { ExitCode, type ExitCodeValue } from "./exit-codes.js";

/** The signals a run stops on at a safe point. */
export type StopSignal = "SIGINT" | "SIGTERM";

const SIGNAL_WORDS: Record<StopSignal, string> = { SIGINT: "Ctrl-C", SIGTERM: "SIGTERM" };

/** A run stopped by the user or the system: not a failure of the lab, not a bug; exits 130 or 143. */
export class InterruptedError extends LabError {
  readonly signalName: StopSignal;

  constructor(signal: StopSignal, hint?: string) {
    super("failed", `Stopped by ${SIGNAL_WORDS[signal]} at a safe point.`, hint === undefined ? {} : { hint });
    this.name = "InterruptedError";
    this.signalName = signal;
  }

  override get exitCode(): ExitCodeValue {
    return this.signalName === "SIGINT" ? ExitCode.INTERRUPTED : ExitCode.TERMINATED;
  }
}

// The error a stopped run ends with, saying what state the cluster is in and the way back.
export function stoppedRunError(signal: StopSignal, touched: { context: string; changed: boolean }): InterruptedError {
  const contextFlag = touched.context === "kind-myk8s" ? "" : ` --context ${touched.context} --yes`;
  return new InterruptedError(
    signal,
    touched.changed
      ? `${touched.context} may be part-way through a change: \`npm run lab -- reset${contextFlag}\` brings it back to the baseline.`
      : `Nothing on ${touched.context} was changed; run the command again when ready.`,
  );
}

// True for an abort caused by one of our stop signals.
export function isInterruption(error: unknown): error is InterruptedError {
  return error instanceof InterruptedError;
}

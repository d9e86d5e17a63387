// The command-line contract: every verb exits with one of these.
export const ExitCode = {
  OK: 0,
  FAILED: 1,
  USAGE: 2,
  ENVIRONMENT: 3,
  /** Nothing failed, but some checks were skipped (e.g. no egress): the lab's claim is not proven. */
  INCOMPLETE: 4,
  /** Stopped by Ctrl-C (128 + SIGINT), after cleanup and the report. */
  INTERRUPTED: 130,
  /** Stopped by SIGTERM (128 + SIGTERM), after cleanup and the report. */
  TERMINATED: 143,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

// How long each kind of check polls, and how often, when the lab does not say.

import type { Check } from "../lab-types.js";

/** A deadline and a poll interval. */
export interface PollTiming {
  timeoutMs: number;
  intervalMs: number;
}

const DEFAULTS: Record<Check["kind"], PollTiming> = {
  http: { timeoutMs: 60_000, intervalMs: 1_000 },
  tcp: { timeoutMs: 60_000, intervalMs: 1_000 },
  /** The deadline bounds the wait for a first valid answer; the sample itself is taken once. */
  weighted: { timeoutMs: 120_000, intervalMs: 1_000 },
  "proxy-config": { timeoutMs: 90_000, intervalMs: 1_000 },
  logs: { timeoutMs: 60_000, intervalMs: 2_000 },
  exec: { timeoutMs: 60_000, intervalMs: 2_000 },
  object: { timeoutMs: 120_000, intervalMs: 1_000 },
  /** istioctl analyze reads the namespace again on every attempt. */
  istioctl: { timeoutMs: 90_000, intervalMs: 3_000 },
  /** A sequence check watches; its deadline is normally set per lab (Flagger's analysis). */
  sequence: { timeoutMs: 600_000, intervalMs: 1_000 },
};

// The check's own timing, else its kind's default.
export function pollTimingOf(check: Check): PollTiming {
  const defaults = DEFAULTS[check.kind];
  return { timeoutMs: check.timeoutMs ?? defaults.timeoutMs, intervalMs: check.intervalMs ?? defaults.intervalMs };
}

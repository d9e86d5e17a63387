// One AbortSignal for a probe: aborted by the caller's signal or by the probe's own timeout, and
// able to tell the two apart afterwards.

/** Default time a probe may take before it fails with a timeout. */
export const DEFAULT_PROBE_TIMEOUT_MS = 5_000;

export interface ProbeDeadline {
  signal: AbortSignal;
  timeoutMs: number;
  timedOut: () => boolean;
  /** Clears the timer; call when the probe is done. */
  dispose: () => void;
}

// Starts the clock for one probe.
export function startDeadline(timeoutMs: number, outer?: AbortSignal): ProbeDeadline {
  const controller = new AbortController();
  let expired = false;
  const timer = setTimeout(() => {
    expired = true;
    controller.abort(new Error(`timed out after ${timeoutMs} ms`));
  }, timeoutMs);
  const onAbort = (): void => controller.abort(outer?.reason);
  if (outer?.aborted) onAbort();
  else outer?.addEventListener("abort", onAbort, { once: true });
  return {
    signal: controller.signal,
    timeoutMs,
    timedOut: () => expired,
    dispose: () => {
      clearTimeout(timer);
      outer?.removeEventListener("abort", onAbort);
    },
  };
}

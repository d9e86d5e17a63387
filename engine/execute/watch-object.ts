// Waits on one object through the API: a watch (every change) plus a slow re-read as a safety net,
// until a predicate holds or the deadline passes. No fixed sleeps: the deadline is a timer.

import type { KubeObject, ObjectRef } from "../../core/kube.js";
import type { LabContext } from "../lab-context.js";

/** How often the object is re-read besides the watch (a watch can miss a deletion that raced its start). */
export const RECHECK_MS = 5_000;

/** Whether the wait ended on the predicate, and the object as last seen. */
export interface WatchOutcome {
  reached: boolean;
  /** The object as last seen; undefined when absent. */
  last: KubeObject | undefined;
}

// Sleeps, resolving (never rejecting) early when the signal aborts.
export async function quietSleep(ctx: Pick<LabContext, "sleep">, ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return;
  await ctx.sleep(ms, signal).catch(() => undefined);
}

// Calls `observe` with every state of `ref` (undefined = absent) until it returns true or `timeoutMs` passes.
export async function watchObjectUntil(
  ctx: LabContext,
  ref: ObjectRef,
  observe: (object: KubeObject | undefined) => boolean,
  timeoutMs: number,
): Promise<WatchOutcome> {
  const stop = new AbortController();
  const onOuterAbort = (): void => stop.abort();
  ctx.signal.addEventListener("abort", onOuterAbort, { once: true });
  let last: KubeObject | undefined;
  let newest = -1;
  let reached = false;
  const see = (object: KubeObject | undefined): boolean => {
    if (reached) return true;
    // A re-read can answer after a newer watch event: never go back to an older resourceVersion.
    const version = Number(object?.metadata["resourceVersion"] ?? Number.NaN);
    if (Number.isFinite(version)) {
      if (version < newest) return false;
      newest = version;
    }
    last = object;
    if (observe(object)) {
      reached = true;
      stop.abort();
    }
    return reached;
  };
  const stopped = new Promise<void>((resolve) => stop.signal.addEventListener("abort", () => resolve(), { once: true }));
  const query = { apiVersion: ref.apiVersion, kind: ref.kind, ...(ref.namespace === undefined ? {} : { namespace: ref.namespace }) };
  const watching = ctx.kube.watch(query, (type, object) => object.metadata.name === ref.name && see(type === "DELETED" ? undefined : object), stop.signal);
  const rechecking = (async () => {
    while (!stop.signal.aborted) {
      const object = await ctx.kube.get(ref);
      if (!stop.signal.aborted) see(object);
      await quietSleep(ctx, RECHECK_MS, stop.signal);
    }
  })();
  void quietSleep(ctx, timeoutMs, stop.signal).then(() => stop.abort());
  const failure = new Promise<never>((_, reject) => {
    watching.catch((error: unknown) => (stop.signal.aborted ? undefined : reject(error)));
    rechecking.catch((error: unknown) => (stop.signal.aborted ? undefined : reject(error)));
  });
  try {
    await Promise.race([stopped, failure]);
  } finally {
    stop.abort();
    ctx.signal.removeEventListener("abort", onOuterAbort);
  }
  ctx.signal.throwIfAborted();
  return { reached, last };
}

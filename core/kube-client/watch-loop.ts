// One watch request at a time, restarted when the API server ends the stream, until the caller is satisfied.
import type * as K8s from "@kubernetes/client-node";
import type { KubeObject } from "../kube.js";

/** The query parameters of a watch request. */
export type WatchParams = Record<string, string | boolean | undefined>;

// One watch request; true when onEvent said the wait is over, false when the stream ended or the signal aborted.
export function watchOnce(
  watcher: K8s.Watch,
  path: string,
  params: WatchParams,
  onEvent: (type: string, object: KubeObject) => boolean,
  signal: AbortSignal,
): Promise<boolean> {
  return new Promise((resolve, reject) => {
    let controller: AbortController | undefined;
    let satisfied = false;
    let failure: unknown;
    const stop = () => controller?.abort();
    signal.addEventListener("abort", stop, { once: true });
    const onObject = (type: string, object: KubeObject) => {
      if (satisfied || failure !== undefined) return;
      if (type === "BOOKMARK") return;
      if (type === "ERROR") return stop(); // e.g. 410 Gone: start a fresh watch
      try {
        satisfied = onEvent(type, object);
      } catch (error) {
        failure = error;
      }
      if (satisfied || failure !== undefined) stop();
    };
    const onDone = (error: unknown) => {
      signal.removeEventListener("abort", stop);
      if (failure !== undefined) return reject(failure);
      if (satisfied || signal.aborted) return resolve(satisfied);
      if (error && !isAbortLike(error)) return reject(error);
      resolve(false);
    };
    watcher
      .watch(path, params, onObject, onDone)
      .then((c) => {
        controller = c;
        if (satisfied || signal.aborted || failure !== undefined) c.abort();
      })
      .catch((error: unknown) => onDone(error ?? new Error("watch failed")));
  });
}

// Waits `ms` before the next watch request; returns at once when the signal aborts.
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}

function isAbortLike(error: unknown): boolean {
  const name = (error as { name?: string } | undefined)?.name;
  return name === "AbortError" || name === "TimeoutError";
}

import type { Kube } from "../core/kube.js";

// PlatformDeps.kube for the CLI: creates the client on first use (after the cluster step), once; a failed
// attempt (no context yet) is not remembered, so a later call after `kind create cluster` succeeds.
export function lazyKube(context: string): () => Promise<Kube> {
  let pending: Promise<Kube> | undefined;
  return () => {
    pending ??= import("../core/kube-client/create-kube.js")
      .then(({ createKube }) => createKube(context))
      .catch((error: unknown) => {
        pending = undefined;
        throw error;
      });
    return pending;
  };
}

// A Kube whose client is created on its first call: a lab that never asks the API (Docker-only) needs no cluster.
export function deferredKube(context: string, getKube: () => Promise<Kube>): Kube {
  return {
    context,
    apply: async (objects) => (await getKube()).apply(objects),
    delete: async (ref) => (await getKube()).delete(ref),
    get: async (ref) => (await getKube()).get(ref),
    list: async (query) => (await getKube()).list(query),
    watch: async (query, onEvent, signal) => (await getKube()).watch(query, onEvent, signal),
    logs: async (namespace, pod, container, options) => (await getKube()).logs(namespace, pod, container, options),
    exec: async (namespace, pod, container, command) => (await getKube()).exec(namespace, pod, container, command),
  };
}

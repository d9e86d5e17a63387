import type { Kube } from "../../core/kube.js";

// PlatformDeps.kube for the CLI: creates the client on first use (after the cluster step), once; a failed
// attempt (no context yet) is not remembered, so a later call after `kind create cluster` succeeds.
export function lazyKube(context: string): () => Promise<Kube> {
  let pending: Promise<Kube> | undefined;
  return () => {
    pending ??= import("../../core/kube-client/create-kube.js")
      .then(({ createKube }) => createKube(context))
      .catch((error: unknown) => {
        pending = undefined;
        throw error;
      });
    return pending;
  };
}

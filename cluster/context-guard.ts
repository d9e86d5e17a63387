import { usageError } from "../core/errors.js";
import { DEFAULT_CONTEXT, requireKindName, resolveClusterIdentity, type ClusterIdentity } from "./cluster-identity.js";

export interface ContextChoiceOptions {
  requested?: string;
  yes: boolean;
  /** True for verbs that create, install, reset or delete (up, a lab run, all, reset, down). */
  destructive: boolean;
  verb: string;
  /** What the verb does with the kind cluster itself (create, delete), when it needs one behind the context. */
  kindAction?: string;
  /** The cluster twin may stand in for the kind cluster this verb needs (a lab run, `all`, `up`; never `down`). */
  twinStandsIn?: boolean;
}

// Decides which cluster a verb may act on, once: the lab cluster's, unless the user names another. A verb that
// changes a cluster other than kind-myk8s needs --yes (never the kubeconfig's current-context implicitly), and a
// kind verb needs a kind context. Called before any check, download or request.
export function chooseContext(options: ContextChoiceOptions): ClusterIdentity {
  const identity = resolveClusterIdentity(options.requested);
  if (identity.foreign && options.destructive && !options.yes) {
    throw usageError(
      `Refusing to run '${options.verb}' on context '${identity.context}': it is not the lab cluster (${DEFAULT_CONTEXT}) and '${options.verb}' changes the cluster it runs on (creates, installs, resets or deletes).`,
      `Add --yes if you really mean '${identity.context}', or drop --context to use ${DEFAULT_CONTEXT}.`,
    );
  }
  if (options.kindAction !== undefined && !(identity.twin && options.twinStandsIn === true)) requireKindName(identity, options.kindAction);
  return identity;
}

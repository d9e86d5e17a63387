import { usageError, type LabError } from "../core/errors.js";
import { KIND_CLUSTER_NAME } from "./kind/kind-config.js";
import { isTwinContext } from "./cluster-twin.js";

/** The context kind writes for a cluster: kind-<name>. */
const KIND_CONTEXT_PREFIX = "kind-";

/** The lab cluster's kube context when --context is not given. */
export const DEFAULT_CONTEXT = `${KIND_CONTEXT_PREFIX}${KIND_CLUSTER_NAME}`;

/** Which cluster a run acts on: resolved once from --context, then carried everywhere. */
export interface ClusterIdentity {
  /** The kube context every kubectl/istioctl/helm call and the API client name. */
  context: string;
  /** The kind cluster behind the context (kind-<name> -> <name>); undefined when the context is not a kind one. */
  kindName: string | undefined;
  /** The kind node's Docker container (<name>-control-plane); undefined for a non-kind context. */
  nodeContainer: string | undefined;
  /** True when the context is not the lab's default (kind-myk8s). */
  foreign: boolean;
  /** True for the cluster twin's context (cluster-twin.ts): it stands in for kind, Docker and `istioctl install`. */
  twin: boolean;
}

// The identity behind a --context value (default kind-myk8s); a kind context names its cluster and node.
export function resolveClusterIdentity(requested?: string): ClusterIdentity {
  const context = requested !== undefined && requested !== "" ? requested : DEFAULT_CONTEXT;
  const kindName = context.startsWith(KIND_CONTEXT_PREFIX) && context.length > KIND_CONTEXT_PREFIX.length ? context.slice(KIND_CONTEXT_PREFIX.length) : undefined;
  return { context, kindName, nodeContainer: kindName === undefined ? undefined : `${kindName}-control-plane`, foreign: context !== DEFAULT_CONTEXT, twin: isTwinContext(context) };
}

// The kind cluster name of an identity, or a refusal: kind verbs never act on a context kind did not make.
export function requireKindName(identity: ClusterIdentity, what: string): string {
  if (identity.kindName !== undefined) return identity.kindName;
  throw notKindError(identity, what);
}

// The node container of an identity, or the same refusal.
export function requireNodeContainer(identity: ClusterIdentity, what: string): string {
  if (identity.nodeContainer !== undefined) return identity.nodeContainer;
  throw notKindError(identity, what);
}

function notKindError(identity: ClusterIdentity, what: string): LabError {
  return usageError(
    `Refusing to ${what}: context '${identity.context}' is not a kind cluster (kind contexts are named ${KIND_CONTEXT_PREFIX}<cluster>), so there is no kind cluster or node behind it.`,
    `Use a kind context (default ${DEFAULT_CONTEXT}); this tool creates and deletes only kind clusters.`,
  );
}

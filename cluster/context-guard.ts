import { usageError } from "../core/errors.js";
import { KIND_CONTEXT } from "./kind/kind-config.js";

export interface ContextChoice {
  /** The context every kubectl/istioctl/helm call and the API client use. */
  context: string;
  /** True when the user named a context other than the lab cluster's. */
  foreign: boolean;
}

// Decides which kube context a verb may act on: the lab cluster's, unless the user names another.
// Destructive verbs on another context need --yes (never the kubeconfig's current-context implicitly).
export function chooseContext(options: { requested?: string; yes: boolean; destructive: boolean; verb: string }): ContextChoice {
  const context = options.requested && options.requested !== "" ? options.requested : KIND_CONTEXT;
  const foreign = context !== KIND_CONTEXT;
  if (foreign && options.destructive && !options.yes) {
    throw usageError(
      `Refusing to run '${options.verb}' on context '${context}': it is not the lab cluster (${KIND_CONTEXT}) and '${options.verb}' deletes things.`,
      `Add --yes if you really mean '${context}', or drop --context to use ${KIND_CONTEXT}.`,
    );
  }
  return { context, foreign };
}

// The contract of one action kind (apply, delete, exec, ...): how it runs and the command a person would
// type for it. The registry in action-kinds.ts pairs each `kind` with its module.

import type { LabContext } from "../lab-context.js";
import type { RunState } from "../run-state.js";

/** Any action a registry can hold. */
export interface ActionLike {
  kind: string;
}

/** What an action's description may name besides the action itself. */
export interface ActionDescribeEnv {
  kubectl: string;
  istioctl: string;
  /** The certificate store's folder (a placeholder when unknown). */
  certDir: string;
  /** The run's folder, where the IstioOperator is rendered ("." when unknown). */
  workDir: string;
}

/** One action kind's module. */
export interface ActionKind<A extends ActionLike> {
  /** Performs the action; failures are LabErrors that say what failed and what to do. */
  run(action: A, ctx: LabContext, state: RunState): Promise<void>;
  /** The command line a person would type (`--context` left out). Pure. */
  describe(action: A, env: ActionDescribeEnv): string;
}

/** A registry: every kind of the union `A`, each entry typed for its own action. */
export type ActionKinds<A extends ActionLike> = { readonly [K in A["kind"]]: ActionKind<Extract<A, { kind: K }>> };

// The entry for `action`'s kind. The mapped type pairs each key with its own action type; the compiler
// cannot follow that pairing through an index with a union key, so the lookup widens it once, here.
export function actionKindOf<A extends ActionLike>(kinds: ActionKinds<A>, action: A): ActionKind<A> {
  const kind: A["kind"] = action.kind;
  return kinds[kind] as ActionKind<A>;
}

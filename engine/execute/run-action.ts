// Runs one Action against the edges: the dispatch from action data to its kind's module (action-kinds.ts).

import type { Action } from "../lab-types.js";
import type { LabContext } from "../lab-context.js";
import type { RunState } from "../run-state.js";
import { actionKindOf, type ActionKinds, type ActionLike } from "./action-kind.js";
import { ACTION_KINDS } from "./action-kinds.js";

/** Runs one action of the union `A`; runAction is the one for the lab data model's kinds. */
export type ActionRunner<A extends ActionLike> = (action: A, ctx: LabContext, state: RunState) => Promise<void>;

// A runner for the kinds of `kinds` (a registry a test extends with a kind of its own).
export function createActionRunner<A extends ActionLike>(kinds: ActionKinds<A>): ActionRunner<A> {
  return async (action, ctx, state) => {
    ctx.signal.throwIfAborted();
    return actionKindOf(kinds, action).run(action, ctx, state);
  };
}

const runRegisteredAction = createActionRunner<Action>(ACTION_KINDS);

// Performs the action; failures are LabErrors that say what failed and what to do.
export async function runAction(action: Action, ctx: LabContext, state: RunState): Promise<void> {
  return runRegisteredAction(action, ctx, state);
}

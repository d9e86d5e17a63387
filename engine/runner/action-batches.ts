// How a step's actions are scheduled: within a run of applies and rollout waits, every apply goes first (in
// the lab's order) and then all the rollouts are awaited together; any other action (exec, delete, ...) is
// a barrier that keeps its place, since it may need the pods the waits before it were for.

import type { Action } from "../lab-types.js";

/** Actions run one after another; a batch of several rollouts is awaited concurrently. */
export type ActionBatch = { parallel: false; actions: [Action] } | { parallel: true; actions: Action[] };

// The step's actions in batches, in the order they run (and the plan prints them).
export function batchActions(actions: readonly Action[]): ActionBatch[] {
  const batches: ActionBatch[] = [];
  let applies: Action[] = [];
  let rollouts: Action[] = [];
  const flush = (): void => {
    for (const action of applies) batches.push({ parallel: false, actions: [action] });
    if (rollouts.length === 1 && rollouts[0] !== undefined) batches.push({ parallel: false, actions: [rollouts[0]] });
    if (rollouts.length > 1) batches.push({ parallel: true, actions: rollouts });
    [applies, rollouts] = [[], []];
  };
  for (const action of actions) {
    if (action.kind === "apply") applies.push(action);
    else if (action.kind === "rollout") rollouts.push(action);
    else {
      flush();
      batches.push({ parallel: false, actions: [action] });
    }
  }
  flush();
  return batches;
}

// The actions in the order they run.
export function scheduledActions(actions: readonly Action[]): Action[] {
  return batchActions(actions).flatMap((batch) => batch.actions);
}

// Watches one object (e.g. a Flagger Canary) and collects its states, joined from `fields`, until the
// expected sequence is complete, a failOn state appears, or the deadline passes.

import type { KubeObject } from "../../../core/kube.js";
import type { LabContext } from "../../lab-context.js";
import type { SequenceCheck } from "../../lab-types.js";
import { checkSequence, type SequenceResult } from "../../checks/sequence.js";
import type { PollResult } from "../poll.js";
import { readField, stateOf } from "../object-fields.js";
import type { ObservedState } from "../../check-outcome.js";
import { watchObjectUntil } from "../watch-object.js";
import { formatCommand } from "../../../core/shell-quote.js";
import type { WatchedCheckKind } from "../check-kind.js";

/** A watch that flaps keeps its first states only; the report needs the shape, not every flap. */
const TIMELINE_MAX = 200;

// The seen text: the verdict and every distinct state in the order observed.
function seenOf(verdict: SequenceResult, observed: readonly string[]): string {
  return `${verdict.reason}; observed: ${observed.length === 0 ? "(nothing: the object does not exist)" : observed.join(" -> ")}`;
}

// Runs the watch (or, for a single attempt, one read) and judges the observed states.
export async function runSequenceCheck(check: SequenceCheck, ctx: LabContext, options: { timeoutMs: number; singleAttempt: boolean }): Promise<PollResult> {
  const startedAt = ctx.now();
  const observed: string[] = [];
  const timeline: ObservedState[] = [];
  const record = (object: KubeObject | undefined): SequenceResult => {
    const state = object === undefined ? "" : stateOf(object, check.fields);
    if (state !== "" && observed.at(-1) !== state) observed.push(state);
    if (object !== undefined && state !== "") noteState(timeline, { atMs: ctx.now() - startedAt, state, ...notesOf(object, check.notes) });
    return checkSequence(observed, check.expected, check.failOn);
  };
  let verdict: SequenceResult;
  if (options.singleAttempt) {
    verdict = record(await ctx.kube.get(check.target));
  } else {
    verdict = record(undefined);
    await watchObjectUntil(
      ctx,
      check.target,
      (object) => {
        verdict = record(object);
        return verdict.ok || verdict.failed;
      },
      options.timeoutMs,
    );
  }
  return { ok: verdict.ok, seen: seenOf(verdict, observed), attempts: 1, durationMs: ctx.now() - startedAt, details: { states: observed.length }, timeline };
}

// The note fields' texts (missing ones left out), or nothing when the check has none.
function notesOf(object: KubeObject, paths: Record<string, string> | undefined): { notes?: Record<string, string> } {
  if (paths === undefined) return {};
  const notes: Record<string, string> = {};
  for (const [name, path] of Object.entries(paths)) {
    const field = readField(object, path);
    if ("text" in field) notes[name] = field.text;
  }
  return { notes };
}

// Appends the entry when its state or notes differ from the last one (a Canary's failed checks rise at one weight).
function noteState(timeline: ObservedState[], entry: ObservedState): void {
  const last = timeline.at(-1);
  if (timeline.length >= TIMELINE_MAX) return;
  if (last !== undefined && last.state === entry.state && JSON.stringify(last.notes) === JSON.stringify(entry.notes)) return;
  timeline.push(entry);
}

/** The sequence check kind: states of a watched object, in order. */
export const sequenceCheckKind: WatchedCheckKind<SequenceCheck> = {
  /** A sequence check watches; its deadline is normally set per lab (Flagger's analysis). */
  timing: { timeoutMs: 600_000, intervalMs: 1_000 },
  describe: (check, { kubectl }) => {
    const { kind, name, namespace } = check.target;
    const failOn = check.failOn === undefined || check.failOn.length === 0 ? "" : `, never ${check.failOn.join(" or ")}`;
    return {
      expected: `${kind}/${name} goes through ${check.expected.join(" -> ")}${failOn}`,
      command: formatCommand(kubectl, ["get", kind.toLowerCase(), name, ...(namespace === undefined ? [] : ["-n", namespace]), "-w"]),
    };
  },
  watch: (check, ctx, { timing, singleAttempt }) => runSequenceCheck(check, ctx, { timeoutMs: timing.timeoutMs, singleAttempt }),
  problems: (check) => (check.expected.length === 0 ? ["a sequence check needs at least one expected state"] : []),
  gate: true,
};

// Judges a sequence of observed states (e.g. a Flagger Canary's "Phase Weight") against the expected order.
//
// Rules, in this order, for each observed state (consecutive duplicates collapse first):
// - a state matching `failOn` (the whole state, or its first words: "Failed" matches "Failed 0") fails at
//   once, wherever it appears;
// - before the first expected state is seen, anything else is ignored (Initialized 0, Progressing 0, or a
//   stale state from an earlier run);
// - after that, the next expected state advances; a repeat of the current state is fine (the watch can
//   re-emit it); any other state fails: a later expected state means one was skipped, an earlier one means
//   the order went backwards, and a state not in the list is unexpected;
// - once every expected state has been seen, the check passes and later states are not looked at.
// The observer must therefore see every transition: use a watch, or poll faster than the state changes.

/** Where a sequence stands. `failed` means no later observation can make it pass. */
export interface SequenceResult {
  ok: boolean;
  failed: boolean;
  reason: string;
  /** How many expected states were seen, in order. */
  matchedUpTo: number;
}

// The verdict on the states observed so far.
export function checkSequence(observed: string[], expected: string[], failOn: string[] = []): SequenceResult {
  const want = expected.map(normaliseState);
  const states = collapseRepeats(observed.map(normaliseState).filter((state) => state !== ""));
  let next = 0;
  for (const [position, state] of states.entries()) {
    if (next === want.length) break;
    const previous = position > 0 ? states[position - 1] : undefined;
    const after = previous === undefined ? "" : ` after ${quote(previous)}`;
    if (failOn.some((bad) => matchesFailState(state, bad))) {
      return failure(`saw ${quote(state)}${after}`, next);
    }
    if (state === want[next]) {
      next++;
      continue;
    }
    if (next === 0) continue;
    const index = want.indexOf(state);
    if (index > next) return failure(`skipped ${quote(want[next] ?? "")}: saw ${quote(state)}${after}`, next);
    if (index >= 0 && index < next - 1) return failure(`went back to ${quote(state)}${after}`, next);
    if (index < 0) return failure(`unexpected ${quote(state)}${after}, expected ${quote(want[next] ?? "")}`, next);
  }
  if (next === want.length) return { ok: true, failed: false, reason: `saw ${want.map(quote).join(", ")} in order`, matchedUpTo: next };
  const last = states[states.length - 1];
  const seen = last === undefined ? "nothing yet" : `last saw ${quote(last)}`;
  return { ok: false, failed: false, reason: `waiting for ${quote(want[next] ?? "")} (${next} of ${want.length} seen, ${seen})`, matchedUpTo: next };
}

// "Seen so far" for a person: the expected states already passed and the one still awaited.
export function partialProgress(observed: string[], expected: string[]): string {
  const { matchedUpTo } = checkSequence(observed, expected);
  const passed = expected.slice(0, matchedUpTo).map(normaliseState);
  const states = collapseRepeats(observed.map(normaliseState).filter((state) => state !== ""));
  const lastSeen = states[states.length - 1];
  const done = passed.length > 0 ? passed.join(" -> ") : "none of the expected states";
  const waiting = matchedUpTo < expected.length ? `; waiting for ${quote(normaliseState(expected[matchedUpTo] ?? ""))}` : "";
  const last = lastSeen !== undefined && lastSeen !== passed[passed.length - 1] ? `; last seen ${quote(lastSeen)}` : "";
  return `${matchedUpTo}/${expected.length}: ${done}${waiting}${last}`;
}

// Consecutive equal states collapse to one.
export function collapseRepeats(states: string[]): string[] {
  return states.filter((state, index) => index === 0 || state !== states[index - 1]);
}

// A state with surrounding and repeated whitespace removed, so "Progressing  10" equals "Progressing 10".
export function normaliseState(state: string): string {
  return state.trim().replace(/\s+/g, " ");
}

function matchesFailState(state: string, bad: string): boolean {
  const wanted = normaliseState(bad);
  return state === wanted || state.startsWith(`${wanted} `);
}

function failure(reason: string, matchedUpTo: number): SequenceResult {
  return { ok: false, failed: true, reason, matchedUpTo };
}

function quote(state: string): string {
  return JSON.stringify(state);
}

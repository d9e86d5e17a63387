// How long each kind of check polls, and how often, when the lab does not say.

import type { Check } from "../lab-types.js";
import { checkKindOf, type CheckKinds, type CheckLike, type PollTiming } from "./check-kind.js";
import { CHECK_KINDS } from "./check-kinds.js";

export type { PollTiming } from "./check-kind.js";

// The check's own timing, else its kind's default in `kinds`.
export function pollTimingIn<C extends CheckLike>(kinds: CheckKinds<C>, check: C): PollTiming {
  const defaults = checkKindOf(kinds, check).timing;
  return { timeoutMs: check.timeoutMs ?? defaults.timeoutMs, intervalMs: check.intervalMs ?? defaults.intervalMs };
}

// The check's own timing, else its kind's default.
export function pollTimingOf(check: Check): PollTiming {
  return pollTimingIn(CHECK_KINDS, check);
}

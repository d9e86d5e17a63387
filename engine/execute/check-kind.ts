// The contract of one check kind (http, tcp, weighted, ...): its poll timing, its description for plans,
// and how it judges the cluster. The registry in check-kinds.ts pairs each `kind` with its module.

import type { CheckBase } from "../lab-types.js";
import type { PlacedMatcher } from "../checks/placed-matchers.js";
import type { LabContext } from "../lab-context.js";
import type { Probe } from "../probes/probe-types.js";
import type { Evaluation, PollResult } from "./poll.js";

/** A deadline and a poll interval. */
export interface PollTiming {
  timeoutMs: number;
  intervalMs: number;
}

/** Any check a registry can hold: the common fields and a kind. */
export type CheckLike = CheckBase & { kind: string };

/** What a check wants, in words, and the command a person can run to see it themselves. */
export interface CheckDescription {
  expected: string;
  command: string;
}

/** What a description may name besides the check itself. */
export interface CheckDescribeEnv {
  probe: Probe;
  kubectl: string;
  istioctl: string;
  /** For logs checks: `--since-time` of the command (a placeholder when unknown). */
  stepStartedAt?: Date;
}

/** What a check's judgement may use besides the check and the context. */
export interface CheckRunInput {
  /** The check's own timing, else its kind's default. */
  timing: PollTiming;
  /** Self-test: evaluate once, no polling. */
  singleAttempt: boolean;
  /** Logs written after this moment count (the step's start, or the self-test's earlier window). */
  since: Date;
}

/** One attempt of a polled check. */
export type Evaluate = () => Promise<Evaluation>;

interface CheckKindBase<C extends CheckLike> {
  /** Poll timing when the check does not set its own. */
  timing: PollTiming;
  describe(check: C, env: CheckDescribeEnv): CheckDescription;
  /** The outcome's details also carry the poll's attempts (a weighted check: how many samples were judged). */
  detailsWithAttempts?: true;
  /** The check's matchers and where they sit, for the lab validator; none when omitted. */
  matchers?(check: C): PlacedMatcher[];
  /** Problems of the check's own definition besides its matchers (e.g. a count with no bound). */
  problems?(check: C): string[];
  /** Its pass shows the change reached the control plane or the changed state: a sampled check may follow it. */
  gate?: true;
  /** It judges many responses at once, so its step needs a gate before it. */
  sampled?(check: C): boolean;
}

/** A kind judged by polling: `prepare` reads what stays fixed once, then returns one attempt. */
export interface PolledCheckKind<C extends CheckLike> extends CheckKindBase<C> {
  prepare(check: C, ctx: LabContext, input: CheckRunInput): Evaluate | Promise<Evaluate>;
}

/** A kind that judges by itself until its deadline, e.g. by watching an object. */
export interface WatchedCheckKind<C extends CheckLike> extends CheckKindBase<C> {
  watch(check: C, ctx: LabContext, input: CheckRunInput): Promise<PollResult>;
}

/** One check kind's module. */
export type CheckKind<C extends CheckLike> = PolledCheckKind<C> | WatchedCheckKind<C>;

/** A registry: every kind of the union `C`, each entry typed for its own check. */
export type CheckKinds<C extends CheckLike> = { readonly [K in C["kind"]]: CheckKind<Extract<C, { kind: K }>> };

// The entry for `check`'s kind. The mapped type pairs each key with its own check type; the compiler
// cannot follow that pairing through an index with a union key, so the lookup widens it once, here.
export function checkKindOf<C extends CheckLike>(kinds: CheckKinds<C>, check: C): CheckKind<C> {
  const kind: C["kind"] = check.kind;
  return kinds[kind] as CheckKind<C>;
}

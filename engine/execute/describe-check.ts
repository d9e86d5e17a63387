// What a check wants, in words, and the command a person can run to see it themselves
// (`--context` left out), from its kind's module. Pure apart from the probe's own `equivalent`.

import type { ToolPaths } from "../../cluster/tools/tool-paths.js";
import type { Check } from "../lab-types.js";
import type { Probe } from "../probes/probe-types.js";
import { checkKindOf, type CheckDescription, type CheckKinds, type CheckLike } from "./check-kind.js";
import { CHECK_KINDS } from "./check-kinds.js";

export { describeHttpExpectation } from "../checks/describe-expectation.js";

/** What describeCheck may name besides the check itself. */
export interface DescribeCheckOptions {
  /** For logs checks: `--since-time` of the command. */
  stepStartedAt?: Date;
  tools?: ToolPaths;
}

// describeCheck with the kinds of `kinds` (a registry extended by a test, say).
export function describeCheckIn<C extends CheckLike>(kinds: CheckKinds<C>, check: C, probe: Probe, options: DescribeCheckOptions = {}): CheckDescription {
  return checkKindOf(kinds, check).describe(check, {
    probe,
    kubectl: options.tools?.kubectl ?? "kubectl",
    istioctl: options.tools?.istioctl ?? "istioctl",
    ...(options.stepStartedAt === undefined ? {} : { stepStartedAt: options.stepStartedAt }),
  });
}

// { expected, command } for the terminal, the JUnit report and --dry-run.
export function describeCheck(check: Check, probe: Probe, options: DescribeCheckOptions = {}): CheckDescription {
  return describeCheckIn(CHECK_KINDS, check, probe, options);
}

// A check on what an istioctl command prints, e.g. `istioctl analyze -n istioinaction -o log` reporting IST0101.
// Runs in the project root against the lab context; stdout and stderr are matched together.

import { tailLines } from "../../../core/exec.js";
import type { LabContext } from "../../lab-context.js";
import type { IstioctlCheck } from "../../lab-types.js";
import { describeMatcher, evaluateMatcher } from "../../checks/matchers.js";
import { clip, type Evaluation } from "../poll.js";
import { formatCommand } from "../../../core/shell-quote.js";
import type { PolledCheckKind } from "../check-kind.js";
import { listed } from "../../checks/placed-matchers.js";

/** istioctl talks to the API server (analyze reads every resource of a namespace); one call should not take longer. */
const ISTIOCTL_TIMEOUT_MS = 60_000;

// The output the matchers see: stdout, then stderr (analyze prints "✔ No validation issues found" on stderr).
export function istioctlOutput(stdout: string, stderr: string): string {
  return [stdout.trimEnd(), stderr.trimEnd()].filter((part) => part !== "").join("\n");
}

// An evaluation function for pollUntil: one istioctl call; an exit code outside `exitCodes` fails the attempt.
export function prepareIstioctlCheck(check: IstioctlCheck, ctx: LabContext): () => Promise<Evaluation> {
  const args = [...check.args, "--context", ctx.kube.context];
  const accepted = check.exitCodes ?? [0];
  return async () => {
    const result = await ctx.exec(ctx.tools.istioctl, args, { allowFailure: true, cwd: ctx.projectRoot, signal: ctx.signal, timeoutMs: ISTIOCTL_TIMEOUT_MS });
    const output = istioctlOutput(result.stdout, result.stderr);
    if (!accepted.includes(result.exitCode)) {
      return { ok: false, seen: `istioctl exited with ${result.exitCode} (accepted: ${accepted.join(", ")}): ${tailLines(output, 3)}` };
    }
    const reasons = check.expect.map((matcher) => evaluateMatcher(matcher, output, "output")).filter((reason) => reason !== undefined);
    const summary = `exit ${result.exitCode}: ${clip(output, 400) || "(no output)"}`;
    return { ok: reasons.length === 0, seen: reasons.length === 0 ? summary : `${reasons.join("; ")}\n${summary}` };
  };
}

/** The istioctl check kind: what an istioctl command prints, matched. */
export const istioctlCheckKind: PolledCheckKind<IstioctlCheck> = {
  /** istioctl analyze reads the namespace again on every attempt. */
  timing: { timeoutMs: 90_000, intervalMs: 3_000 },
  describe: (check, { istioctl }) => {
    const exits = check.exitCodes === undefined ? "" : ` (exit ${check.exitCodes.join(" or ")})`;
    return { expected: `output${exits} ${check.expect.map(describeMatcher).join(" and ")}`, command: formatCommand(istioctl, check.args) };
  },
  prepare: (check, ctx) => prepareIstioctlCheck(check, ctx),
  matchers: (check) => listed(check.expect, "expect"),
};

import type { ToolPaths } from "../../cluster/tools/tool-paths.js";
import { describeAction, describeCheck, type DescribePaths } from "../execute/describe-action.js";
import type { Check, LabDefinition, LabOptions, Step } from "../lab-types.js";
import type { Probe } from "../probes/probe-types.js";
import { batchActions } from "../runner/action-batches.js";
import { targetCommand, type CommandTarget } from "../../core/command-target.js";
import { assertValidLab } from "../validate/validate-lab.js";

export interface PlanContext {
  probe: Probe;
  /** The cluster every printed command names (so a pasted command never hits the shell's current context). */
  target: CommandTarget;
  tools?: ToolPaths;
  paths?: DescribePaths;
}

function mustFailFirst(step: Step, check: Check): boolean {
  return check.mustFailFirst ?? step.mustFailFirst ?? false;
}

function formatCheck(step: Step, check: Check, plan: PlanContext): string[] {
  const { expected, command: bare } = describeCheck(check, plan.probe, plan.tools ? { tools: plan.tools } : {});
  const command = targetCommand(bare, plan.target);
  const flags = [mustFailFirst(step, check) ? "must fail first" : "", check.needsEgress ? "skipped without internet" : ""].filter(Boolean);
  return [
    `  ✓ ${check.title}${flags.length ? `  [${flags.join(", ")}]` : ""}`,
    `      expect: ${expected}`,
    `      see it: ${command.replaceAll("\n", "\n              ")}`,
  ];
}

// The --dry-run view of a lab: each step's why, the commands a person would type, and what is checked.
export function formatLabPlan(lab: LabDefinition, options: LabOptions, plan: PlanContext): string {
  assertValidLab(lab, options);
  const steps = lab.steps(options);
  const lines = [
    `${lab.id} — ${lab.title} (book ${lab.section}, ~${lab.duration.replace(/^~/, "")})`,
    `Proves: ${lab.proves}`,
    lab.requires.includes("cluster")
      ? `Needs: ${lab.requires.join(", ")}. Before step 1 the cluster is brought up or reset to the baseline (\`npm run lab up\`, \`npm run lab reset\`).`
      : `Needs: ${lab.requires.join(", ")}. The kind cluster is not used (neither brought up nor reset).`,
  ];
  for (const [index, step] of steps.entries()) {
    lines.push("", `Step ${index + 1}/${steps.length}: ${step.title}`, `  why: ${step.why}`);
    for (const batch of batchActions(step.actions)) {
      if (batch.parallel) lines.push(`  # the ${batch.actions.length} rollouts below are awaited together`);
      for (const action of batch.actions) lines.push(`  $ ${targetCommand(describeAction(action, plan.tools, plan.paths ?? {}), plan.target)}`);
    }
    for (const check of step.checks) lines.push(...formatCheck(step, check, plan));
  }
  if (lab.cleanup?.length) {
    lines.push("", "Always, at the end:");
    for (const action of lab.cleanup) lines.push(`  $ ${targetCommand(describeAction(action, plan.tools, plan.paths ?? {}), plan.target)}`);
  }
  return lines.join("\n");
}

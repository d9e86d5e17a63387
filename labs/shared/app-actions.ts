import type { Action, ObjectCheck, WorkloadRef } from "../../engine/lab-types.js";
import { NS } from "./traffic.js";

// Apply one of the shared sample apps (apps/<name>.yaml) into istioinaction and wait for its Deployment.
export function deployApp(file: string, workload: WorkloadRef): Action[] {
  return [
    { kind: "apply", file: `apps/${file}`, namespace: NS },
    { kind: "rollout", workload },
  ];
}

export function applyLabFile(file: string): Action {
  return { kind: "apply", file, namespace: NS };
}

// The Deployment has at least one available replica (its pods passed their readiness probes).
export function deploymentAvailable(workload: WorkloadRef): ObjectCheck {
  return {
    kind: "object",
    title: `${workload.deployment} has an available replica`,
    target: { apiVersion: "apps/v1", kind: "Deployment", name: workload.deployment, namespace: workload.namespace },
    expect: { path: "$.status.availableReplicas", matcher: { op: "regex", value: "^[1-9][0-9]*$" } },
  };
}

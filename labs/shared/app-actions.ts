import type { Action, WorkloadRef } from "../../engine/lab-types.js";
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

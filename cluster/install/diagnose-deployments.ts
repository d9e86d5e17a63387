// Why platform Deployments did not become ready: the engine's per-pod rollout diagnosis (pull, crash with the
// last log lines, pending with the last event), turned into one LabError for `up`.
import { describeError, environmentError, failedError, type LabError } from "../../core/errors.js";
import type { Kube } from "../../core/kube.js";
import { RATE_LIMIT_HINT, isPullRateLimited } from "../../core/workloads/pull-rate-limit.js";
import { diagnosePods } from "../../core/workloads/rollout-diagnosis.js";
import { findWorkloadPods } from "../../core/workloads/workload-pods.js";

const PULL_FAILURE = /ImagePullBackOff|ErrImagePull|InvalidImageName/;
const UNSCHEDULABLE = /Insufficient (cpu|memory)|nodes are available/i;

// One error for every Deployment still pending: an image pull or a full node is the machine's problem
// (environment); anything else is a failed install.
export async function diagnoseDeployments(kube: Kube, namespace: string, names: readonly string[], waitedMs: number): Promise<LabError> {
  const lines: string[] = [];
  const hints: string[] = [];
  for (const name of names) {
    const pods = await findWorkloadPods(kube, { namespace, deployment: name }).catch((error: unknown) => `its pods could not be listed: ${describeError(error)}`);
    if (pods === undefined || typeof pods === "string") {
      lines.push(`${name}: ${pods ?? "the Deployment does not exist"}`);
      continue;
    }
    const diagnosis = await diagnosePods(kube, namespace, pods);
    lines.push(...diagnosis.lines.map((line) => `${name}: ${line}`));
    hints.push(diagnosis.hint);
  }
  const message = `Not ready after ${Math.round(waitedMs / 1000)} s in ${namespace}: ${names.join(", ")}\n${lines.map((l) => `  - ${l}`).join("\n")}`;
  const text = lines.join("\n");
  if (PULL_FAILURE.test(text) && isPullRateLimited(text)) return environmentError(message, { hint: RATE_LIMIT_HINT });
  if (PULL_FAILURE.test(text)) {
    return environmentError(message, { hint: "The node could not pull an image: check the internet connection (or a Docker Hub rate limit), then run `npm run lab up` again." });
  }
  if (UNSCHEDULABLE.test(text)) {
    return environmentError(message, { hint: "The node lacks CPU or memory: give Docker more (4 CPUs / 8 GB recommended), then run `npm run lab up` again." });
  }
  return failedError(message, { hint: hints[0] ?? `Look closer with: kubectl describe deployment -n ${namespace} ${names.join(" ")} --context ${kube.context}` });
}

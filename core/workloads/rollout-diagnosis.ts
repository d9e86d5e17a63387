// Why a Deployment's pods are not ready: ImagePullBackOff (with the image), CrashLoopBackOff (with the
// last log lines), Pending (with the last event), as one paragraph and a hint for the user.

import type { Kube, KubeObject } from "../kube.js";
import { RATE_LIMIT_HINT, isPullRateLimited } from "./pull-rate-limit.js";

/** What holds a rollout back: one line per pod, and the hint for the first cause found. */
export interface RolloutDiagnosis {
  lines: string[];
  hint: string;
}

interface ContainerStatus {
  name: string;
  image?: string;
  state?: { waiting?: { reason?: string; message?: string } };
}

interface PodStatus {
  phase?: string;
  containerStatuses?: ContainerStatus[];
  initContainerStatuses?: ContainerStatus[];
  conditions?: Array<{ type?: string; status?: string; message?: string }>;
}

const PULL_REASONS = new Set(["ImagePullBackOff", "ErrImagePull", "InvalidImageName"]);
const DEFAULT_HINT = "Look at `kubectl describe pods -n <ns>` and the events; then run the lab again.";

// Looks at each pod and says what holds it back.
export async function diagnosePods(kube: Kube, namespace: string, pods: readonly KubeObject[]): Promise<RolloutDiagnosis> {
  const lines: string[] = [];
  const hints: string[] = [];
  for (const pod of pods) {
    const name = pod.metadata.name;
    const status = (pod["status"] ?? {}) as PodStatus;
    const statuses = [...(status.initContainerStatuses ?? []), ...(status.containerStatuses ?? [])];
    const pulling = statuses.find((c) => PULL_REASONS.has(c.state?.waiting?.reason ?? ""));
    const crashing = statuses.find((c) => c.state?.waiting?.reason === "CrashLoopBackOff");
    if (pulling !== undefined) {
      lines.push(`pod ${name}: container ${pulling.name} is in ${pulling.state?.waiting?.reason} for image ${imageOf(pod, pulling)}${messageOf(pulling)}`);
      hints.push(isPullRateLimited(messageOf(pulling)) ? RATE_LIMIT_HINT : `Check that image ${imageOf(pod, pulling)} exists and the node can pull it (or load it with \`kind load docker-image\`).`);
    } else if (crashing !== undefined) {
      const logs = await kube.logs(namespace, name, crashing.name, { tailLines: 5 }).catch((error: unknown) => `(no logs: ${(error as Error).message})`);
      lines.push(`pod ${name}: container ${crashing.name} is in CrashLoopBackOff; last log lines:\n${indent(logs.trimEnd() || "(empty)")}`);
      hints.push(`The container exits on start; see its logs: kubectl logs -n ${namespace} ${name} -c ${crashing.name} --previous`);
    } else if (status.phase === "Pending") {
      lines.push(`pod ${name}: Pending — ${await lastEventMessage(kube, namespace, pod)}`);
      hints.push("The pod cannot be scheduled or started; the event above says why (resources, taints, volumes).");
    } else {
      const waiting = statuses.find((c) => c.state?.waiting?.reason !== undefined);
      const detail = waiting === undefined ? `phase ${status.phase ?? "unknown"}, not ready` : `container ${waiting.name} waiting: ${waiting.state?.waiting?.reason}${messageOf(waiting)}`;
      lines.push(`pod ${name}: ${detail}`);
    }
  }
  if (pods.length === 0) lines.push("no pods exist for it (look at its ReplicaSet's events: quota, admission webhooks)");
  return { lines, hint: hints[0] ?? DEFAULT_HINT.replace("<ns>", namespace) };
}

function imageOf(pod: KubeObject, container: ContainerStatus): string {
  const spec = pod["spec"] as { containers?: Array<{ name: string; image?: string }>; initContainers?: Array<{ name: string; image?: string }> } | undefined;
  const declared = [...(spec?.initContainers ?? []), ...(spec?.containers ?? [])].find((c) => c.name === container.name)?.image;
  return declared ?? container.image ?? "(unknown image)";
}

function messageOf(container: ContainerStatus): string {
  const message = container.state?.waiting?.message;
  return message === undefined || message === "" ? "" : ` (${message})`;
}

function indent(text: string): string {
  return text.split("\n").map((line) => `    ${line}`).join("\n");
}

// The newest event about this pod, else the PodScheduled condition's message.
async function lastEventMessage(kube: Kube, namespace: string, pod: KubeObject): Promise<string> {
  const events = await kube.list({ apiVersion: "v1", kind: "Event", namespace }).catch(() => [] as KubeObject[]);
  const own = events
    .filter((event) => (event["involvedObject"] as { name?: string } | undefined)?.name === pod.metadata.name)
    .sort((a, b) => eventTime(a).localeCompare(eventTime(b)));
  const last = own.at(-1);
  if (last !== undefined) return `${String(last["reason"] ?? "Event")}: ${String(last["message"] ?? "")}`;
  const scheduled = ((pod["status"] ?? {}) as PodStatus).conditions?.find((c) => c.type === "PodScheduled" && c.status === "False");
  return scheduled?.message ?? "no event recorded yet";
}

function eventTime(event: KubeObject): string {
  return String(event["lastTimestamp"] ?? event["eventTime"] ?? event.metadata["creationTimestamp"] ?? "");
}

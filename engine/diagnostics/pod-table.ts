import type { KubeObject } from "../../core/kube.js";
import { formatTable } from "./text-table.js";

interface ContainerStatus {
  ready?: boolean;
  restartCount?: number;
  state?: { waiting?: { reason?: string }; terminated?: { reason?: string } };
}

interface PodShape {
  metadata: { name: string; deletionTimestamp?: string };
  spec?: { containers?: { name: string; image?: string }[] };
  status?: { phase?: string; reason?: string; containerStatuses?: ContainerStatus[]; initContainerStatuses?: ContainerStatus[] };
}

// The status column kubectl would show: Terminating, a waiting/terminated reason, or the phase.
export function podStatus(pod: KubeObject): string {
  const shape = pod as unknown as PodShape;
  if (shape.metadata.deletionTimestamp) return "Terminating";
  const init = (shape.status?.initContainerStatuses ?? []).map(stateReason).find((reason) => reason !== undefined && reason !== "Completed");
  if (init) return `Init:${init}`;
  const reason = (shape.status?.containerStatuses ?? []).map(stateReason).find((r) => r !== undefined);
  return reason ?? shape.status?.reason ?? shape.status?.phase ?? "Unknown";
}

function stateReason(status: ContainerStatus): string | undefined {
  return status.state?.waiting?.reason ?? status.state?.terminated?.reason;
}

// NAME READY STATUS RESTARTS IMAGE for each pod, sorted by name.
export function formatPodTable(pods: readonly KubeObject[]): string {
  if (pods.length === 0) return "No pods.\n";
  const rows = [...pods]
    .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name))
    .map((pod) => {
      const shape = pod as unknown as PodShape;
      const statuses = shape.status?.containerStatuses ?? [];
      const containers = shape.spec?.containers ?? [];
      const ready = `${statuses.filter((s) => s.ready).length}/${containers.length}`;
      const restarts = String(statuses.reduce((sum, s) => sum + (s.restartCount ?? 0), 0));
      const images = containers.map((c) => c.image ?? "?").join(",");
      return [pod.metadata.name, ready, podStatus(pod), restarts, images];
    });
  return formatTable(["NAME", "READY", "STATUS", "RESTARTS", "IMAGE"], rows);
}

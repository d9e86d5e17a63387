import { describeError } from "../../core/errors.js";
import type { KubeObject } from "../../core/kube.js";
import type { LabDefinition, WorkloadRef } from "../lab-types.js";
import type { LabContext } from "../lab-context.js";
import { formatEvents } from "./event-list.js";
import { formatPodTable } from "./pod-table.js";
import { listWorkloadPods } from "../../core/workloads/workload-pods.js";

/** One file of the bundle. */
export interface DiagnosticFile {
  name: string;
  text: string;
}

/** An independent piece of the bundle; when it throws, `<name>.error.txt` holds why. */
export interface Collector {
  name: string;
  collect: () => Promise<DiagnosticFile[]>;
}

export const LOG_TAIL_LINES = 100;
export const FLAGGER_TAIL_LINES = 300;
const ISTIOCTL_TIMEOUT_MS = 60_000;
const MAX_PODS_PER_WORKLOAD = 3;
const GATEWAY: WorkloadRef = { namespace: "istio-system", deployment: "istio-ingressgateway" };

// Every collector a failed lab gets: cluster state, Envoy config and logs of the workloads it names.
export function collectorsFor(lab: LabDefinition, ctx: LabContext): Collector[] {
  const usesCluster = lab.requires.includes("cluster") || lab.requires.includes("flagger");
  if (!usesCluster) return [];
  const collectors: Collector[] = [];
  for (const namespace of lab.namespaces) {
    collectors.push(single(`pods-${namespace}`, async () => formatPodTable(await ctx.kube.list({ apiVersion: "v1", kind: "Pod", namespace }))));
    collectors.push(single(`events-${namespace}`, async () => formatEvents(await ctx.kube.list({ apiVersion: "v1", kind: "Event", namespace }))));
  }
  collectors.push(single("proxy-status", () => istioctl(ctx, ["proxy-status"])));
  for (const workload of [...lab.workloads, GATEWAY]) {
    const base = `${workload.namespace}-${workload.deployment}`;
    const target = [`deploy/${workload.deployment}`, "-n", workload.namespace, "-o", "json"];
    collectors.push(single(`routes-${base}`, () => istioctl(ctx, ["proxy-config", "routes", ...target]), "json"));
    collectors.push(single(`clusters-${base}`, () => istioctl(ctx, ["proxy-config", "cluster", ...target]), "json"));
  }
  for (const workload of lab.workloads) collectors.push(logsCollector(ctx, workload, LOG_TAIL_LINES));
  if (lab.requires.includes("flagger")) collectors.push(logsCollector(ctx, { namespace: "istio-system", deployment: "flagger" }, FLAGGER_TAIL_LINES, "flagger"));
  return collectors;
}

function single(name: string, produce: () => Promise<string>, ext = "txt"): Collector {
  return { name, collect: async () => [{ name: `${name}.${ext}`, text: await produce() }] };
}

async function istioctl(ctx: LabContext, args: string[]): Promise<string> {
  const result = await ctx.exec(ctx.tools.istioctl, [...args, "--context", ctx.kube.context], { timeoutMs: ISTIOCTL_TIMEOUT_MS, signal: ctx.signal });
  return result.stdout;
}

// The last lines of every container of a workload's pods (app and istio-proxy); one failing container does not stop the rest.
function logsCollector(ctx: LabContext, workload: WorkloadRef, tailLines: number, name = `logs-${workload.namespace}-${workload.deployment}`): Collector {
  return {
    name,
    collect: async () => {
      const pods = (await listWorkloadPods(ctx.kube, workload)).slice(0, MAX_PODS_PER_WORKLOAD);
      if (pods.length === 0) return [{ name: `${name}.txt`, text: "No pods.\n" }];
      const files: DiagnosticFile[] = [];
      for (const pod of pods) {
        for (const container of containersOf(pod)) {
          const file = `${name}.${pod.metadata.name}.${container}`;
          try {
            files.push({ name: `${file}.log`, text: await ctx.kube.logs(workload.namespace, pod.metadata.name, container, { tailLines }) });
          } catch (error) {
            files.push({ name: `${file}.error.txt`, text: describeError(error) + "\n" });
          }
        }
      }
      return files;
    },
  };
}

// The container names of a pod, in spec order (istio-proxy among them when injected).
function containersOf(pod: KubeObject): string[] {
  const spec = pod["spec"] as { containers?: { name: string }[] } | undefined;
  return (spec?.containers ?? []).map((c) => c.name);
}

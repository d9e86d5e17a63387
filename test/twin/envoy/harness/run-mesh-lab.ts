// A cluster lab's traffic checks through real Envoy: the mesh world enters each step's state (stand-ins,
// webapp's sidecar and the gateway from the generated config), the probe reaches the gateway through the
// address map, the logs checks read the stand-ins' logs through the Kube edge.

import type { Check, LabDefinition } from "../../../../engine/lab-types.js";
import { createNodeProbe } from "../../../../engine/probes/node-probe.js";
import { FakeKube } from "../../../fakes/fake-kube.js";
import { createTestContext } from "../../../engine/execute/helpers/test-context.js";
import { closedLocalPort, remapPorts } from "../../../labs/helpers/port-remap-probe.js";
import type { ProxyConfigDump } from "../convert/build-bootstrap.js";
import type { ProxyName } from "../world/golden-config.js";
import { createMeshWorld } from "../world/mesh-world.js";
import { runLabTwin, type TwinLabResult } from "./run-lab-twin.js";

/** What real Envoy can judge: traffic through the gateway, and what the stand-ins logged. */
export function judgesThroughEnvoy(check: Check): boolean {
  if (check.kind === "http" || check.kind === "tcp" || check.kind === "weighted") return true;
  return check.kind === "logs" && check.container !== "istio-proxy";
}

export interface RunMeshLabOptions {
  /** A polled check's deadline (default runLabTwin's). */
  deadlineMs?: number;
  /** Replaces the generated config the world reads (the broken-manifest tests). */
  golden?: (stepNumber: number, proxy: ProxyName) => ProxyConfigDump | undefined;
}

// Runs every step of `lab` in its mesh world; the world is closed afterwards.
export async function runMeshLab(lab: LabDefinition, options: RunMeshLabOptions = {}): Promise<TwinLabResult> {
  let podLog: (pod: string, container: string) => string = () => "";
  const kube = new FakeKube({ logs: (_namespace, pod, container) => podLog(pod, container) });
  const { ctx } = createTestContext({ kube });
  const world = createMeshWorld({ projectRoot: process.cwd(), lab, certs: ctx.certs, ...(options.golden === undefined ? {} : { golden: options.golden }) });
  podLog = (pod, container) => world.podLog(pod, container);
  ctx.probe.close();
  const probe = remapPorts(createNodeProbe({ certs: ctx.certs, timeoutMs: 5_000 }), world.ports, await closedLocalPort());
  const enter = async (stepNumber: number): Promise<void> => {
    for (const object of world.kubeObjects()) await kube.delete({ apiVersion: object.apiVersion, kind: object.kind, name: object.metadata.name, namespace: object.metadata.namespace });
    await world.enter(stepNumber);
    world.kubeObjects().forEach((object) => kube.put(object));
  };
  try {
    await enter(0);
    return await runLabTwin(lab, { ...ctx, probe }, (_step, index) => enter(index + 1), { judges: judgesThroughEnvoy, ...(options.deadlineMs === undefined ? {} : { deadlineMs: options.deadlineMs }) });
  } finally {
    probe.close();
    await world.close();
  }
}

// A Docker-only lab (ch3) through real Envoy: its own docker actions performed on loopback, its own checks
// run unchanged but for the port the address map sends them to.

import type { LabDefinition } from "../../../../engine/lab-types.js";
import { createNodeProbe } from "../../../../engine/probes/node-probe.js";
import { createTestContext } from "../../../engine/execute/helpers/test-context.js";
import { closedLocalPort, remapPorts } from "../../../labs/helpers/port-remap-probe.js";
import type { MutateConfig } from "./ch3-bootstrap.js";
import { createDockerTwin } from "./docker-twin.js";
import { runLabTwin, type TwinLabResult } from "./run-lab-twin.js";
import { TwinError } from "./twin-error.js";

// Runs every step of `lab`; `mutate` breaks its Envoy configuration on purpose (the broken-config tests).
export async function runCh3Lab(lab: LabDefinition, options: { deadlineMs?: number } = {}, mutate?: MutateConfig): Promise<TwinLabResult> {
  const twin = createDockerTwin(process.cwd(), mutate);
  const { ctx } = createTestContext();
  ctx.probe.close();
  const probe = remapPorts(createNodeProbe({ certs: ctx.certs, timeoutMs: 5_000 }), twin.ports, await closedLocalPort());
  try {
    return await runLabTwin(lab, { ...ctx, probe }, async (step) => {
      for (const action of step.actions) {
        if (action.kind !== "docker") throw new TwinError(`${lab.id}: a ${action.kind} action in a Docker-only lab`);
        await twin.run(action);
      }
    }, { judges: (check) => check.kind === "http", ...options });
  } finally {
    probe.close();
    await twin.close();
  }
}

// The ch3 labs on a real Envoy: their own docker actions performed on loopback (real Envoy with the labs' own
// configuration files, a local httpbin), their own checks unchanged but for the port the address map sends them to.

import { afterEach, expect, it } from "vitest";
import type { LabDefinition } from "../../../engine/lab-types.js";
import { createNodeProbe } from "../../../engine/probes/node-probe.js";
import { ch3Envoy } from "../../../labs/ch3-envoy/lab.js";
import { ch3EnvoyRetries } from "../../../labs/ch3-envoy-retries/lab.js";
import { createTestContext } from "../../execute/helpers/test-context.js";
import { closedLocalPort, remapPorts } from "../../labs/helpers/port-remap-probe.js";
import { createDockerTwin, type DockerTwin } from "./harness/docker-twin.js";
import { describeTwin } from "./harness/describe-twin.js";
import { envoyVersion } from "./harness/find-envoy.js";
import { runLabTwin } from "./harness/run-lab-twin.js";
import { recordLabEvidence } from "./harness/twin-evidence.js";

let docker: DockerTwin | undefined;
afterEach(async () => {
  await docker?.close();
  docker = undefined;
});

// Runs every step of `lab` against Docker on loopback; its actions are all docker actions.
async function runCh3Lab(lab: LabDefinition) {
  const twin = createDockerTwin(process.cwd());
  docker = twin;
  const { ctx } = createTestContext();
  ctx.probe.close();
  const probe = remapPorts(createNodeProbe({ certs: ctx.certs, timeoutMs: 5_000 }), twin.ports, await closedLocalPort());
  try {
    return await runLabTwin({ ...lab }, { ...ctx, probe }, async (step) => {
      for (const action of step.actions) {
        if (action.kind !== "docker") throw new Error(`${lab.id}: a ${action.kind} action in a Docker-only lab`);
        await twin.run(action);
      }
    }, { judges: (check) => check.kind === "http" });
  } finally {
    probe.close();
  }
}

describeTwin("ch3 labs through real Envoy", () => {
  it.each([ch3Envoy, ch3EnvoyRetries].map((lab) => [lab.id, lab] as const))("%s: every check passes after its step, every must-fail-first check fails before it", async (_id, lab) => {
    const result = await runCh3Lab(lab);
    recordLabEvidence(result, envoyVersion());
    expect(result.problems).toEqual([]);
    expect(result.checksRun).toBe(lab.steps({ fast: false }).flatMap((step) => step.checks).length);
  });
});

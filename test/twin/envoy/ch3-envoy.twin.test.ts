// The ch3 labs on a real Envoy: their own docker actions performed on loopback (real Envoy with the labs' own
// configuration files, a local httpbin), their own checks unchanged but for the port the address map sends them to.

import { expect, it } from "vitest";
import { ch3Envoy } from "../../../labs/ch3-envoy/lab.js";
import { ch3EnvoyRetries } from "../../../labs/ch3-envoy-retries/lab.js";
import { describeTwin } from "./harness/describe-twin.js";
import { envoyVersion } from "./harness/find-envoy.js";
import { runCh3Lab } from "./harness/run-ch3-lab.js";
import { recordLabEvidence } from "./harness/twin-evidence.js";

describeTwin("ch3 labs through real Envoy", () => {
  it.each([ch3Envoy, ch3EnvoyRetries].map((lab) => [lab.id, lab] as const))("%s: every check passes after its step, every must-fail-first check fails before it", async (_id, lab) => {
    const result = await runCh3Lab(lab);
    recordLabEvidence(result, envoyVersion());
    expect(result.problems).toEqual([]);
    expect(result.checksRun).toBe(lab.steps({ fast: false }).flatMap((step) => step.checks).length);
  });
});

// The cluster labs' own traffic checks through real Envoy carrying Istio 1.17.8's generated config (the istiod
// twin's golden files): each check passes after its step and each must-fail-first check fails before it.

import { expect, it } from "vitest";
import { builtLab } from "../../../labs/lab-lookup.js";
import { describeTwin } from "./harness/describe-twin.js";
import { envoyVersion } from "./harness/find-envoy.js";
import { runMeshLab } from "./harness/run-mesh-lab.js";
import { recordLabEvidence } from "./harness/twin-evidence.js";
import { MissingGoldenError } from "./world/mesh-world.js";

/** In the order of the brief's priority. */
const MESH_LABS = [
  "ch5-routing", "ch5-traffic-shifting", "ch5-mirror", "ch4-gateway-routing", "ch4-tls", "ch4-https-redirect", "ch4-mtls",
  "ch4-multi-host-tls", "ch4-tcp", "ch4-sni-passthrough", "ch2-first-mesh", "ch2-retries", "ch2-dark-launch", "ch5-mesh-routing",
  "ch4-split-gateway", "ch4-debug-gateway-ref", "ch5-registry-only", "extra-envoyfilter-lua",
];

describeTwin("cluster labs through real Envoy with the generated config", () => {
  for (const id of MESH_LABS) {
    const lab = builtLab(id);
    if (lab === undefined) throw new Error(`${id} is not a built lab`);
    it(`${id}: every traffic check passes after its step, every must-fail-first one fails before it`, async (context) => {
      const result = await runMeshLab(lab).catch((error: unknown) => {
        // The istiod twin decides which states it generates; a lab waits for all of its own.
        if (error instanceof MissingGoldenError) context.skip(`${error.message} (${error.hint ?? ""})`);
        throw error;
      });
      recordLabEvidence(result, envoyVersion());
      expect(result.problems).toEqual([]);
      expect(result.checksRun).toBeGreaterThan(0);
    });
  }
});

// The cluster labs' own traffic checks through real Envoy carrying Istio 1.17.8's generated config (the istiod
// twin's golden files): each check passes after its step and each must-fail-first check fails before it.

import { expect, it } from "vitest";
import { builtLab } from "../../../labs/lab-lookup.js";
import { describeTwin } from "./harness/describe-twin.js";
import { envoyVersion } from "./harness/find-envoy.js";
import { runMeshLab } from "./harness/run-mesh-lab.js";
import { recordLabEvidence } from "./harness/twin-evidence.js";
import { MESH_LABS, VERSION_DIFFERENCES } from "./mesh-lab-list.js";
import { MissingGoldenError } from "./world/mesh-world.js";

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
      const differing = result.results.filter((entry) => entry.phase === "after" && VERSION_DIFFERENCES[entry.name] !== undefined);
      for (const entry of differing) {
        expect(entry.wrong, `${entry.name} passed: the version difference is gone, remove it from VERSION_DIFFERENCES`).toBe(true);
        expect(entry.outcome.seen, VERSION_DIFFERENCES[entry.name]?.reason).toMatch(VERSION_DIFFERENCES[entry.name]?.seen ?? /$^/);
      }
      const counted = { ...result, results: result.results.filter((entry) => !differing.includes(entry)), checksRun: result.checksRun - differing.length, problems: result.problems.filter((problem) => !differing.some((entry) => problem.startsWith(`${entry.name} (after`))) };
      recordLabEvidence(counted, envoyVersion());
      expect(counted.problems).toEqual([]);
      expect(counted.checksRun).toBeGreaterThan(0);
    });
  }
});

// Broken manifests through istiod and real Envoy: the config istiod generated from a copy of a lab's own file
// with one value mistyped (broken-cases.ts, kept under golden-broken/) is served by upstream Envoy, and the
// lab's own traffic check fails with its own message. The unbroken files pass: mesh-labs.twin.test.ts.

import { join } from "node:path";
import { expect, it } from "vitest";
import { builtLab } from "../../../labs/lab-lookup.js";
import { BROKEN_CASES } from "./broken-cases.js";
import { describeTwin } from "./harness/describe-twin.js";
import { runMeshLab } from "./harness/run-mesh-lab.js";
import { readGoldenProxy, readProxyDump } from "./world/golden-config.js";
import { MissingGoldenError } from "./world/mesh-world.js";

describeTwin("broken manifests through istiod and real Envoy", () => {
  for (const entry of BROKEN_CASES) it(`${entry.id} fails the lab's own check`, async (context) => {
    const lab = builtLab(entry.labId);
    if (lab === undefined) throw new Error(`${entry.labId} is not a built lab`);
    const brokenDir = join(process.cwd(), "test", "twin", "envoy", "golden-broken", entry.id, String(entry.stepNumber));
    const result = await runMeshLab(lab, {
      deadlineMs: 3_000,
      golden: (stepNumber, proxy) => (stepNumber === entry.stepNumber ? readProxyDump(brokenDir, proxy) : readGoldenProxy(process.cwd(), lab.id, stepNumber, proxy)),
    }).catch((error: unknown) => {
      if (error instanceof MissingGoldenError) context.skip(`${error.message} (${error.hint ?? ""})`);
      throw error;
    });
    const failed = result.results.filter((item) => item.phase === "after" && item.wrong);
    const target = failed.find((item) => item.name === entry.check);
    expect(target, `${entry.check} passed on the broken manifest; failed: ${failed.map((item) => item.name).join(", ")}`).toBeDefined();
    console.log(`[twin] ${entry.id}: ${entry.check} failed as it should: ${target?.outcome.seen.slice(0, 200) ?? ""}`);
    expect(target?.outcome.seen).toMatch(entry.message);
  });
});

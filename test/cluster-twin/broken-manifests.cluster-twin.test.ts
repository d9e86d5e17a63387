// A mistyped value in a lab's own manifest (header value, weights, SNI host: test/twin/envoy/broken-cases.ts)
// makes the lab fail on the cluster twin at the same check, with its own message.

import { rmSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { projectRoot } from "../../core/paths.js";
import { BROKEN_CASES } from "../twin/envoy/broken-cases.js";
import { brokenProjectCopy } from "./broken-project.js";
import { runLabCli } from "./run-lab-cli.js";

const twin = inject("clusterTwin");
const root = projectRoot();

describe.skipIf("skip" in twin)("broken manifests fail on the cluster twin with the lab's own message", () => {
  it.each(BROKEN_CASES.map((c) => [c.id, c] as const))("%s", async (_id, broken) => {
    if ("skip" in twin) return;
    const copy = brokenProjectCopy(root, broken.mutations);
    try {
      const reportDir = join(root, "test-artifacts", "cluster-twin-broken", broken.id);
      const run = await runLabCli(copy, [broken.labId], { context: twin.context, kubeconfig: twin.kubeconfig, reportDir });
      expect(run.exitCode, run.output.slice(-2000)).toBe(1);
      const lab = run.summary?.labs[0];
      const [, stepPart, title] = broken.check.split(" › ");
      const step = lab?.steps[Number((stepPart ?? "").replace("step ", "")) - 1];
      const check = step?.checks.find((candidate) => candidate.title === title);
      expect(check?.status, `${broken.check} in:\n${run.output.slice(-2000)}`).toBe("failed");
      expect(lab?.failure?.message ?? "").toMatch(broken.message);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});

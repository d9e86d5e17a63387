import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PLANNED_LABS } from "../../labs/catalog.js";
import { LABS } from "../../labs/registry.js";
import { projectRoot } from "../../core/paths.js";
import type { Action, Step } from "../../engine/lab-types.js";

const ISSUE_LABS = ["ch5-routing", "ch5-mesh-routing", "ch5-traffic-shifting", "ch5-canary", "ch5-mirror", "ch5-registry-only", "ch4-sni-passthrough"];
const allSteps = (fast: boolean): Array<[string, Step]> => LABS.flatMap((lab) => lab.steps({ fast }).map((s) => [lab.id, s] as [string, Step]));

describe("lab registry", () => {
  it("holds the seven labs of the first lab issue plus the canary rollback variant, ids unique", () => {
    const ids = LABS.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ISSUE_LABS) expect(ids).toContain(id);
  });

  it("keeps a built lab out of the planned list, so its facts have one source", () => {
    for (const lab of LABS) expect(PLANNED_LABS.map((entry) => entry.id)).not.toContain(lab.id);
  });

  it("refers only to manifest files that exist", () => {
    const files = (actions: Action[]): string[] => actions.flatMap((a) => ("file" in a && a.file ? [a.file] : []));
    for (const [labId, step] of [...allSteps(false), ...allSteps(true)]) {
      for (const file of files(step.actions)) expect(existsSync(join(projectRoot(), file)), `${labId}: ${file}`).toBe(true);
    }
  });

  it("gives every lab at least one must-fail-first step, and every step a why", () => {
    for (const lab of LABS) {
      const steps = lab.steps({ fast: false });
      expect(steps.some((s) => s.mustFailFirst), lab.id).toBe(true);
      for (const step of steps) expect(step.why.length, `${lab.id}: ${step.title}`).toBeGreaterThan(10);
    }
  });

  it("waits on the control plane or the changed state (proxy-config, object or exec) before any weighted statistics", () => {
    for (const [labId, step] of allSteps(false)) {
      const weighted = step.checks.findIndex((c) => c.kind === "weighted");
      if (weighted < 0) continue;
      const before = step.checks.slice(0, weighted).map((c) => c.kind);
      expect(before.some((kind) => kind === "proxy-config" || kind === "object" || kind === "exec"), `${labId}: ${step.title}`).toBe(true);
    }
  });
});

import { describe, expect, it } from "vitest";
import { createCertStore } from "../../../engine/certs/cert-store.js";
import { createNodeProbe } from "../../../engine/probes/node-probe.js";
import { createPlanProbe } from "../../../engine/probes/plan-probe.js";
import { ProbeError } from "../../../engine/probes/probe-types.js";
import { labCheckEntries } from "../../labs/helpers/lab-checks.js";

const CERT_DIR = "/home/learner/.cache/istio-lab/certs";

describe("the --dry-run plan probe", () => {
  it("prints the same command as the Node probe for every request in the catalog", () => {
    const node = createNodeProbe({ certs: createCertStore(CERT_DIR) });
    const plan = createPlanProbe(CERT_DIR);
    let compared = 0;
    for (const { check, name } of labCheckEntries()) {
      if (check.kind !== "http" && check.kind !== "weighted" && check.kind !== "tcp") continue;
      const kind = check.kind === "tcp" ? "tcp" : "http";
      expect(plan.equivalent(check.request, kind), name).toBe(node.equivalent(check.request, kind));
      compared += 1;
    }
    node.close();
    expect(compared).toBeGreaterThan(20);
  });

  it("sends nothing", async () => {
    const plan = createPlanProbe(CERT_DIR);
    await expect(plan.http({ port: 1, path: "/" })).rejects.toBeInstanceOf(ProbeError);
    await expect(plan.tcp({ port: 1 })).rejects.toThrow(/sends no traffic/);
  });
});

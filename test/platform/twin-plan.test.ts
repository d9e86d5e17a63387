import { describe, expect, it } from "vitest";
import { resolveClusterIdentity } from "../../cluster/cluster-identity.js";
import { planReset } from "../../platform/plan-reset.js";
import { planUp } from "../../platform/plan-up.js";
import type { PlatformDeps } from "../../cluster/install/platform-types.js";

const twin = resolveClusterIdentity("istio-lab-twin");

describe("platform plans on the cluster twin", () => {
  it("keeps every step of up, names the replaced ones with their reason and never runs them", async () => {
    const steps = planUp({ cluster: twin, workDir: "/tmp/w" });
    expect(steps.map((step) => step.id)).toEqual(planUp({ workDir: "/tmp/w" }).map((step) => step.id));
    const replaced = steps.filter((step) => step.title.includes(": skipped, "));
    expect(replaced.map((step) => step.id)).toEqual(["kind-network", "kind-cluster", "registry-mirrors", "addons-and-flagger"]);
    for (const step of replaced) {
      expect(step.command).toMatch(/^# not run on the cluster twin: the cluster twin (runs on loopback|is the cluster|pulls no images|has no Prometheus)/);
      await expect(step.isDone({} as PlatformDeps)).resolves.toBe(true);
    }
    const istio = steps.find((step) => step.id === "istio");
    expect(istio?.title).toMatch(/^Istio as the cluster twin runs it/);
    expect(istio?.command).toContain("--context istio-lab-twin");
    expect(istio?.command).not.toContain("istioctl install");
  });

  it("resets the twin like any cluster, with Istio checked rather than re-installed", () => {
    const steps = planReset({ cluster: twin, workDir: "/tmp/w" });
    expect(steps.map((step) => step.id)).toEqual(planReset({ workDir: "/tmp/w" }).map((step) => step.id));
    expect(steps.find((step) => step.id === "istio")?.title).toMatch(/^Istio as the cluster twin runs it/);
  });

  it("leaves a kind context's plan as it was", () => {
    expect(planUp({ workDir: "/tmp/w" }).some((step) => step.title.includes("cluster twin"))).toBe(false);
  });
});

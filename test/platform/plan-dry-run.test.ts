import { planDisplay } from "../../platform/plan-up.js";
import { describe, expect, it } from "vitest";
import { planDown } from "../../platform/down.js";
import { planReset } from "../../platform/plan-reset.js";
import { planUp } from "../../platform/plan-up.js";
import { formatPlan } from "../../platform/run-platform-plan.js";

const display = { context: "kind-myk8s", workDir: "/home/learner/.cache/istio-lab" };

describe("--dry-run listings (titles and the commands a person would type)", () => {
  it("up", () => {
    expect(formatPlan(planUp(display))).toMatchSnapshot();
  });

  it("up --recreate", () => {
    expect(formatPlan(planUp({ ...display, recreate: true }))).toMatchSnapshot();
  });

  it("reset", () => {
    expect(formatPlan(planReset(display))).toMatchSnapshot();
  });

  it("reset --hard", () => {
    expect(formatPlan(planReset({ ...display, hard: true }))).toMatchSnapshot();
  });

  it("down", () => {
    expect(formatPlan(planDown(planDisplay(display)))).toMatchSnapshot();
  });

  it("names the context it was given in every cluster command", () => {
    const listing = formatPlan(planUp({ ...display, context: "kind-other" }));
    expect(listing).not.toContain("kind-myk8s");
    expect(listing).toContain("--context kind-other");
    expect(listing).toContain("--kube-context kind-other");
    expect(listing).toContain("kind create cluster --name other ");
  });

  it("reset --hard and down delete only the kind cluster behind the context", () => {
    const hard = formatPlan(planReset({ ...display, context: "kind-other", hard: true }));
    expect(hard).toContain("kind delete cluster --name other");
    expect(hard).not.toContain("myk8s");
    expect(formatPlan(planDown(planDisplay({ ...display, context: "kind-other" })))).toContain("kind delete cluster --name other");
  });

  it("builds plans without touching anything (no deps are needed to list them)", () => {
    const ids = planUp(display).map((s) => s.id);
    expect(ids).toEqual(["kind-network", "kind-cluster", "registry-mirrors", "istio", "addons-and-flagger", "lab-namespace", "baseline-snapshot"]);
    expect(planUp({ ...display, mirror: false }).map((s) => s.id)).not.toContain("registry-mirrors");
    // The addons and Flagger need only Istio: one step of two parts that run at the same time.
    expect(planUp(display).flatMap((s) => s.parts?.map((part) => part.id) ?? [s.id])).toEqual(["kind-network", "kind-cluster", "registry-mirrors", "istio", "addons", "flagger", "lab-namespace", "baseline-snapshot"]);
    expect(planReset({ ...display, hard: true }).map((s) => s.id)).toEqual(["delete-cluster", ...ids]);
  });
});

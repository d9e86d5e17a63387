import { describe, expect, it } from "vitest";
import { resolveClusterIdentity } from "../../../../cluster/cluster-identity.js";
import { refuseInstallOnTwin } from "../../../../engine/execute/actions/twin-install-guard.js";
import type { LabContext } from "../../../../engine/lab-context.js";

const ctxOn = (context: string) => ({ cluster: resolveClusterIdentity(context) }) as LabContext;

describe("istioctl install on the cluster twin", () => {
  it("is refused there with where the lab does run, and left alone elsewhere", () => {
    expect(() => refuseInstallOnTwin(ctxOn("istio-lab-twin"), "run `istioctl install`")).toThrow(/The cluster twin \(istio-lab-twin\) cannot run `istioctl install`/);
    expect(() => refuseInstallOnTwin(ctxOn("kind-myk8s"), "run `istioctl install`")).not.toThrow();
  });
});

import { environmentError } from "../../../core/errors.js";
import type { LabContext } from "../../lab-context.js";

// The cluster twin runs istiod and its gateway itself: `istioctl install` would replace them with images it
// cannot run. A lab that installs is refused there (exit 3), with where it does run.
export function refuseInstallOnTwin(ctx: LabContext, what: string): void {
  if (!ctx.cluster.twin) return;
  throw environmentError(`The cluster twin (${ctx.cluster.context}) cannot ${what}: it runs istiod and the ingress gateway itself, with no istioctl install.`, {
    hint: "Run this lab on the kind cluster (npm run lab -- <lab>), or on Docker's e2e suite.",
  });
}

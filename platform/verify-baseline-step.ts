import { failedError } from "../core/errors.js";
import { requireOwnBaseline } from "./baseline-owner.js";
import { compareSnapshots } from "./compare-snapshots.js";
import type { PlatformDeps, PlatformStep } from "../cluster/install/platform-types.js";
import { takeSnapshot } from "./take-snapshot.js";

const SETTLE_MS = 30_000;
const RETRY_MS = 2000;

async function differences(deps: PlatformDeps): Promise<string[]> {
  const baseline = await requireOwnBaseline(deps);
  return compareSnapshots(baseline, await takeSnapshot(await deps.kube()));
}

// Reset's last step: a fresh snapshot must equal the baseline (retried briefly: deletions settle in seconds).
export function verifyBaselineStep(): PlatformStep {
  return {
    id: "verify-baseline",
    title: "Compare a fresh snapshot with the baseline (must be equal)",
    command: "# the tool compares namespaces, Istio resources, istio-system objects, webhooks and mesh config",
    async isDone(deps) {
      return (await differences(deps)).length === 0;
    },
    async run(deps) {
      const deadline = deps.now() + SETTLE_MS;
      let found = await differences(deps);
      while (found.length > 0 && deps.now() < deadline) {
        await deps.sleep(RETRY_MS, deps.signal);
        found = await differences(deps);
      }
      if (found.length === 0) return;
      throw failedError(`After reset the cluster still differs from the baseline:\n${found.map((d) => `  - ${d}`).join("\n")}`, {
        hint: "`npm run lab -- reset --hard` deletes the cluster and builds the baseline again.",
      });
    },
  };
}

import type { Kube } from "../core/kube.js";
import { requireOwnBaseline } from "./baseline-owner.js";
import type { PlanDisplay, PlatformStep } from "../cluster/install/platform-types.js";
import { apiVersionOfKind } from "./snapshot-kinds.js";
import type { PlatformSnapshot, SnapshotObject } from "./snapshot-types.js";
import { describeSnapshotObject, takeSnapshot } from "./take-snapshot.js";

// Objects now present that the baseline lacks: lab Gateways, Secrets, Telemetry, PeerAuthentication, EnvoyFilters,
// extra gateway Deployments/Services in istio-system, Canaries and Istio resources in the remaining namespaces.
export async function findLeftovers(kube: Kube, baseline: PlatformSnapshot): Promise<SnapshotObject[]> {
  const known = new Set(baseline.objects.map(describeSnapshotObject));
  return (await takeSnapshot(kube)).objects.filter((o) => !known.has(describeSnapshotObject(o)));
}

// Reset's step that deletes every snapshot-kind object the baseline does not have: this context's baseline, taken on
// this very cluster (not kind-myk8s's, which a run on --context <other> would otherwise read).
export function leftoverObjectsStep(display: PlanDisplay): PlatformStep {
  return {
    id: "delete-leftovers",
    title: "Delete lab-made objects outside the lab namespaces (istio-system Gateways, Secrets, Telemetry, EnvoyFilters, extra gateways, Canaries)",
    command: `kubectl delete <kind> <name> -n <namespace> --context ${display.cluster.context}   # each object not in the baseline snapshot`,
    async isDone(deps) {
      return (await findLeftovers(await deps.kube(), await requireOwnBaseline(deps))).length === 0;
    },
    async run(deps) {
      const kube = await deps.kube();
      for (const object of await findLeftovers(kube, await requireOwnBaseline(deps))) {
        const apiVersion = apiVersionOfKind(object.kind);
        if (!apiVersion) continue;
        deps.log(`delete ${describeSnapshotObject(object)}`);
        await kube.delete({ apiVersion, kind: object.kind, name: object.name, ...(object.namespace ? { namespace: object.namespace } : {}) });
      }
    },
  };
}

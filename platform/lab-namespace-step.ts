import { formatCommand } from "../core/shell-quote.js";
import type { Kube } from "../core/kube.js";
import { waitForNamespacesGone } from "./namespace-deletion.js";
import type { PlanDisplay, PlatformStep } from "../cluster/install/platform-types.js";
import { INJECTION_LABEL, LAB_NAMESPACE } from "./snapshot-kinds.js";

const TERMINATING_WAIT_MS = 120_000;

// True when istioinaction exists, is not being deleted and has sidecar injection on.
export async function isLabNamespaceReady(kube: Kube): Promise<boolean> {
  const namespace = await kube.get({ apiVersion: "v1", kind: "Namespace", name: LAB_NAMESPACE });
  return namespace !== undefined && namespace.metadata["deletionTimestamp"] === undefined && namespace.metadata.labels?.[INJECTION_LABEL] === "enabled";
}

// The namespace every lab uses, with sidecar injection on (waits first if a previous one is still terminating).
export function labNamespaceStep(display: PlanDisplay): PlatformStep {
  return {
    id: "lab-namespace",
    title: `Namespace ${LAB_NAMESPACE} with ${INJECTION_LABEL}=enabled`,
    command: [
      formatCommand("kubectl", ["create", "namespace", LAB_NAMESPACE, "--context", display.cluster.context]),
      formatCommand("kubectl", ["label", "namespace", LAB_NAMESPACE, `${INJECTION_LABEL}=enabled`, "--overwrite", "--context", display.cluster.context]),
    ].join("\n"),
    async isDone(deps) {
      return isLabNamespaceReady(await deps.kube());
    },
    async run(deps) {
      const kube = await deps.kube();
      const existing = await kube.get({ apiVersion: "v1", kind: "Namespace", name: LAB_NAMESPACE });
      if (existing?.metadata["deletionTimestamp"] !== undefined) await waitForNamespacesGone(kube, [LAB_NAMESPACE], TERMINATING_WAIT_MS, deps);
      await kube.apply([{ apiVersion: "v1", kind: "Namespace", metadata: { name: LAB_NAMESPACE, labels: { [INJECTION_LABEL]: "enabled" } } }]);
    },
  };
}

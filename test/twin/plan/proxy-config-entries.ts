// Every proxy-config check of every registered lab, with the step it belongs to and the proxy it reads.

import type { ProxyConfigCheck } from "../../../engine/lab-types.js";
import { labCheckEntries, type LabCheckEntry } from "../../labs/helpers/lab-checks.js";
import type { ProxyRef } from "../state/twin-request.js";

/** A lab's own proxy-config check, where it runs and whether it must fail before its step. */
export interface ProxyConfigEntry extends LabCheckEntry {
  check: ProxyConfigCheck;
  proxy: ProxyRef;
}

// `deploy/<name>.<namespace>` of the check, as a ProxyRef.
export function proxyRefOf(check: ProxyConfigCheck): ProxyRef {
  const workload = check.workload;
  return { namespace: workload.namespace, deployment: "deployment" in workload ? workload.deployment : workload.gateway };
}

// The registry's proxy-config checks in registry order.
export function proxyConfigEntries(): ProxyConfigEntry[] {
  return labCheckEntries().flatMap((entry) => (entry.check.kind === "proxy-config" ? [{ ...entry, check: entry.check, proxy: proxyRefOf(entry.check) }] : []));
}

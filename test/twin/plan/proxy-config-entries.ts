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

/** Labs whose routing objects a controller the twin does not run writes: Flagger makes the canary's VirtualService. */
export const CONTROLLER_MADE_ROUTES = new Set(["ch5-canary", "ch5-canary-rollback"]);

// The registry's proxy-config checks in registry order (labs whose routes Flagger writes are left to e2e).
export function proxyConfigEntries(): ProxyConfigEntry[] {
  return labCheckEntries().flatMap((entry) =>
    entry.check.kind === "proxy-config" && !CONTROLLER_MADE_ROUTES.has(entry.lab.id) ? [{ ...entry, check: entry.check, proxy: proxyRefOf(entry.check) }] : [],
  );
}

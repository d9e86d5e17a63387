// One golden state end to end: replay the lab up to the step, build the twin's request, run istiod.

import type { Exec } from "../../core/exec.js";
import type { CertStore } from "../../engine/certs/cert-types.js";
import { resolveLab } from "../../labs/lab-lookup.js";
import type { GoldenState } from "./plan/golden-plan.js";
import { runIstiodTwin, type ProxyOutputs } from "./run/run-istiod-twin.js";
import { replayLab, type ReplayContext } from "./state/replay-lab.js";
import { buildTwinInvocation } from "./state/twin-request.js";

/** What generating needs: the process edge, the built binary, the project and a certificate store. */
export interface GenerateDeps {
  exec: Exec;
  binary: string;
  projectRoot: string;
  certs: CertStore;
}

// Per proxy file name, istiod's config for the lab after `state.stepNumber` steps (mutated when asked).
export async function generateState(state: GoldenState, deps: GenerateDeps, mutate?: ReplayContext["mutate"]): Promise<Map<string, ProxyOutputs>> {
  const lab = resolveLab(state.labId);
  const twin = await replayLab(lab, state.stepNumber, { projectRoot: deps.projectRoot, certs: deps.certs, ...(mutate === undefined ? {} : { mutate }) });
  return runIstiodTwin(deps.exec, deps.binary, buildTwinInvocation(twin, state.proxies));
}

import { failedError } from "../core/errors.js";
import { formatCommand } from "../core/shell-quote.js";
import { TWIN_REPLACED_STEPS } from "../cluster/cluster-twin.js";
import type { PlanDisplay, PlatformStep } from "../cluster/install/platform-types.js";
import { findIstioProblems } from "./istio-step.js";

// A platform step the cluster twin replaces: always done, its title naming why (progress prints it as skipped).
export function replacedByTwinStep(step: PlatformStep): PlatformStep {
  const reason = TWIN_REPLACED_STEPS[step.id] ?? "replaced by the cluster twin";
  return {
    id: step.id,
    title: `${step.title}: skipped, ${reason}`,
    command: `# not run on the cluster twin: ${reason}`,
    isDone: () => Promise.resolve(true),
    run: () => Promise.resolve(),
  };
}

// Istio on the twin: the same baseline checks as the istio step (istiod at the twin's tag), never an install.
export function twinIstioStep(display: PlanDisplay, mode: "up" | "reset"): PlatformStep {
  return {
    id: "istio",
    title: `Istio as the cluster twin runs it (istiod and the ingress gateway; ${TWIN_REPLACED_STEPS["istio"] ?? ""})`,
    command: formatCommand("kubectl", ["get", "deploy,svc,configmap/istio", "-n", "istio-system", "--context", display.cluster.context]),
    async isDone(deps) {
      return (await findIstioProblems(deps, mode)).length === 0;
    },
    async run(deps) {
      const problems = await findIstioProblems(deps, mode);
      if (problems.length === 0) return;
      throw failedError(`The cluster twin's Istio is not at baseline:\n${problems.map((p) => `  - ${p}`).join("\n")}`, {
        hint: "A lab changed what only `istioctl install` restores; restart the twin: npm run cluster-twin -- start",
      });
    },
  };
}

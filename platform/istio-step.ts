import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { failedError } from "../core/errors.js";
import { formatCommand } from "../core/shell-quote.js";
import { renderIstioOperatorYaml } from "../cluster/istio/istio-operator-yaml.js";
import { ISTIO_VERSION } from "../cluster/tools/tool-pins.js";
import { TWIN_ISTIOD_TAG } from "../cluster/cluster-twin.js";
import { readBaseline } from "./baseline-store.js";
import { explainInstallFailure } from "../cluster/install/explain-install-failure.js";
import { readIstioState } from "./istio-state.js";
import { readMeshConfig } from "./mesh-config.js";
import type { PlanDisplay, PlatformDeps, PlatformStep } from "../cluster/install/platform-types.js";
import { ISTIO_SYSTEM } from "./snapshot-kinds.js";
import { istiodEnvironment } from "./take-snapshot.js";

const INSTALL_TIMEOUT_MS = 10 * 60_000;

// Where the rendered IstioOperator for `istioctl install -f` is written.
export function istioOperatorPath(workDir: string): string {
  return join(workDir, "istio-operator-allow-any.yaml");
}

function installArgs(operatorPath: string, context: string): string[] {
  return ["install", "-y", "-f", operatorPath, "--context", context];
}

// Istio 1.17.8 from our IstioOperator (NodePorts, externalTrafficPolicy Local, ALLOW_ANY). In reset mode it also
// re-installs when a lab changed the mesh config or istiod's environment away from the recorded baseline.
export function istioStep(display: PlanDisplay, mode: "up" | "reset"): PlatformStep {
  return {
    id: "istio",
    title:
      mode === "up"
        ? `Istio ${ISTIO_VERSION} (default profile; ingress NodePorts 30000/30005/30006, externalTrafficPolicy Local; mesh ALLOW_ANY)`
        : "Istio back to the baseline install (mesh outboundTrafficPolicy ALLOW_ANY, istiod settings as recorded)",
    command: formatCommand("istioctl", installArgs(istioOperatorPath(display.workDir), display.cluster.context)),
    async isDone(deps) {
      return (await findIstioProblems(deps, mode)).length === 0;
    },
    async run(deps) {
      await mkdir(deps.workDir, { recursive: true });
      const operatorPath = istioOperatorPath(deps.workDir);
      await writeFile(operatorPath, await renderIstioOperatorYaml({ outboundTrafficPolicy: "ALLOW_ANY" }), "utf8");
      const started = deps.now();
      await deps.exec(deps.tools.istioctl, installArgs(operatorPath, deps.cluster.context), { timeoutMs: INSTALL_TIMEOUT_MS, signal: deps.signal }).catch(async (error: unknown) => {
        throw await explainInstallFailure(deps, error, ISTIO_SYSTEM, ["istiod", "istio-ingressgateway"], deps.now() - started);
      });
      const problems = await findIstioProblems(deps, mode);
      if (problems.length > 0) {
        throw failedError(`istioctl install finished but Istio is not at baseline:\n${problems.map((p) => `  - ${p}`).join("\n")}`, {
          hint: `Look at: kubectl get pods,svc -n istio-system --context ${deps.cluster.context}`,
        });
      }
    },
  };
}

// The Istio problems for this mode; reset also compares the mesh config and istiod env with the baseline.
export async function findIstioProblems(deps: PlatformDeps, mode: "up" | "reset"): Promise<string[]> {
  const kube = await deps.kube();
  const problems = (await readIstioState(kube, deps.cluster.twin ? TWIN_ISTIOD_TAG : ISTIO_VERSION)).problems;
  if (mode === "up" || problems.length > 0) return problems;
  const baseline = await readBaseline(deps.workDir, deps.cluster.context);
  if (!baseline?.mesh) return problems;
  const [mesh, istiod] = await Promise.all([
    readMeshConfig(kube),
    kube.get({ apiVersion: "apps/v1", kind: "Deployment", name: "istiod", namespace: ISTIO_SYSTEM }),
  ]);
  for (const [key, value] of Object.entries(baseline.mesh.settings)) {
    if (mesh?.settings[key] !== value) problems.push(`mesh ${key} differs from the baseline`);
  }
  for (const key of Object.keys(mesh?.settings ?? {})) if (!(key in baseline.mesh.settings)) problems.push(`mesh ${key} is not in the baseline`);
  const env = istiod ? istiodEnvironment(istiod).join("\n") : "";
  if (env !== baseline.istiodEnv.join("\n")) problems.push("istiod environment differs from the baseline");
  return problems;
}

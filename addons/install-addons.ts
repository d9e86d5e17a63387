// The Istio samples/addons (Prometheus, Grafana, Kiali, Jaeger): apply, expose on fixed NodePorts, wait ready.
import { join } from "node:path";
import { isLabError } from "../core/errors.js";
import type { Kube } from "../core/kube.js";
import { formatCommand } from "../core/shell-quote.js";
import { isDeploymentReady } from "../cluster/install/deployment-state.js";
import type { PlanDisplay, PlatformDeps, PlatformStep } from "../cluster/install/platform-types.js";
import { waitForDeploymentsReady } from "../cluster/install/wait-deployments.js";
import { ADDON_NAMESPACE, ADDON_SERVICES, addonServicePatch, addonUrl, type AddonService } from "./addon-services.js";

const APPLY_ATTEMPTS = 3;
const APPLY_RETRY_MS = 5000;
const READY_TIMEOUT_MS = 6 * 60_000;

function applyArgs(addonsDir: string, context: string): string[] {
  return ["apply", "-f", addonsDir, "--context", context];
}

function patchArgs(addon: AddonService, context: string): string[] {
  return ["patch", "svc", "-n", ADDON_NAMESPACE, addon.service, "-p", JSON.stringify({ spec: addonServicePatch(addon).spec }), "--context", context];
}

// The addons step of `up`: done when the four Deployments are ready and the four Services are NodePorts 30001-30004.
export function addonsStep(display: PlanDisplay): PlatformStep {
  return {
    id: "addons",
    title: "Addons: Prometheus :30001, Grafana :30002, Kiali :30003, Jaeger :30004 (Istio samples/addons)",
    command: [
      formatCommand("kubectl", applyArgs("istio-1.17.8/samples/addons", display.cluster.context)),
      ...ADDON_SERVICES.map((addon) => formatCommand("kubectl", patchArgs(addon, display.cluster.context))),
    ].join("\n"),
    async isDone(deps) {
      return (await findAddonProblems(await deps.kube())).length === 0;
    },
    async run(deps) {
      await applyAddons(deps);
      await Promise.all(ADDON_SERVICES.map((addon) => deps.exec(deps.tools.kubectl, patchArgs(addon, deps.cluster.context), { timeoutMs: 60_000, signal: deps.signal })));
      await waitForDeploymentsReady(await deps.kube(), { namespace: ADDON_NAMESPACE, names: ADDON_SERVICES.map((addon) => addon.deployment), timeoutMs: READY_TIMEOUT_MS, signal: deps.signal });
    },
  };
}

// `kubectl apply -f samples/addons`, up to three times: Kiali's objects can be refused on the first pass.
export async function applyAddons(deps: PlatformDeps): Promise<void> {
  const args = applyArgs(join(deps.tools.istioDir, "samples", "addons"), deps.cluster.context);
  for (let attempt = 1; ; attempt++) {
    try {
      await deps.exec(deps.tools.kubectl, args, { timeoutMs: 180_000, signal: deps.signal });
      return;
    } catch (error) {
      if (!isLabError(error) || attempt >= APPLY_ATTEMPTS) throw error;
      deps.log(`kubectl apply of samples/addons failed (attempt ${attempt} of ${APPLY_ATTEMPTS}); retrying in ${APPLY_RETRY_MS / 1000} s`);
      await deps.sleep(APPLY_RETRY_MS, deps.signal);
    }
  }
}

/** One addon as `status` shows it. */
export interface AddonState {
  addon: AddonService["addon"];
  ready: boolean;
  exposed: boolean;
  /** Its UI on the host. */
  url: string;
}

// Each addon: Deployment ready, Service exposed on its NodePort.
export async function readAddonStates(kube: Kube): Promise<AddonState[]> {
  return (await readAddons(kube)).map(({ addon, ready, exposed }) => ({ addon: addon.addon, ready, exposed, url: addonUrl(addon) }));
}

// What keeps the addons from the baseline; empty when none.
export async function findAddonProblems(kube: Kube): Promise<string[]> {
  return (await readAddons(kube)).flatMap(({ addon, ready, exposed }) => [
    ...(ready ? [] : [`${addon.deployment} is not ready`]),
    ...(exposed ? [] : [`Service ${addon.service} is not a NodePort on ${addon.nodePort}`]),
  ]);
}

// Every addon of the table with whether its Deployment is ready and its Service exposed.
async function readAddons(kube: Kube): Promise<Array<{ addon: AddonService; ready: boolean; exposed: boolean }>> {
  const [deployments, services] = await Promise.all([
    kube.list({ apiVersion: "apps/v1", kind: "Deployment", namespace: ADDON_NAMESPACE }),
    kube.list({ apiVersion: "v1", kind: "Service", namespace: ADDON_NAMESPACE }),
  ]);
  return ADDON_SERVICES.map((addon) => {
    const deployment = deployments.find((d) => d.metadata.name === addon.deployment);
    const service = services.find((s) => s.metadata.name === addon.service);
    const spec = service?.["spec"] as { type?: string; ports?: Array<{ port: number; nodePort?: number }> } | undefined;
    const wanted = addonServicePatch(addon).spec.ports;
    const exposed = spec?.type === "NodePort" && wanted.every((w) => spec.ports?.some((p) => p.port === w.port && p.nodePort === w.nodePort) === true);
    return { addon, ready: deployment !== undefined && isDeploymentReady(deployment), exposed };
  });
}

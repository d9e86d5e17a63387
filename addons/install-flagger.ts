// Flagger from its pinned Helm chart: downloaded once, SHA-256 verified, installed into istio-system with helm.
import { join } from "node:path";
import { environmentError, describeError } from "../core/errors.js";
import type { Kube } from "../core/kube.js";
import { formatCommand } from "../core/shell-quote.js";
import { deploymentImageTag, isDeploymentReady } from "../cluster/install/deployment-state.js";
import type { PlanDisplay, PlatformDeps, PlatformStep } from "../cluster/install/platform-types.js";
import { explainInstallFailure } from "../cluster/install/explain-install-failure.js";
import { ensureFlaggerChart } from "./flagger-chart-download.js";
import { FLAGGER_CHART, flaggerSetArgs } from "./flagger-chart.js";

const HELM_TIMEOUT = "5m";

// Where the verified chart is kept, per version.
export function flaggerChartPath(workDir: string): string {
  return join(workDir, "charts", `flagger-${FLAGGER_CHART.version}.tgz`);
}

function helmArgs(chart: string, context: string): string[] {
  return [
    "upgrade", "--install", FLAGGER_CHART.releaseName, chart,
    "--namespace", FLAGGER_CHART.namespace,
    ...flaggerSetArgs(),
    "--kube-context", context,
    "--wait", "--timeout", HELM_TIMEOUT,
  ];
}

// The Flagger step of `up`: the chart's crds/ bring the CRDs on first install (crd.create stays false).
export function flaggerStep(display: PlanDisplay): PlatformStep {
  const chart = flaggerChartPath(display.workDir);
  return {
    id: "flagger",
    title: `Flagger ${FLAGGER_CHART.version} (Helm chart into istio-system, meshProvider=istio, metricsServer=http://prometheus:9090)`,
    command: [`# ${FLAGGER_CHART.url} (sha256 from ${FLAGGER_CHART.indexUrl}, remembered on first use) saved as ${chart}`, formatCommand("helm", helmArgs(chart, display.cluster.context))].join("\n"),
    async isDone(deps) {
      return (await readFlaggerState(await deps.kube())).problems.length === 0;
    },
    async run(deps) {
      const chartFile = await ensureFlaggerChart(deps);
      const started = deps.now();
      await deps.exec(deps.tools.helm, helmArgs(chartFile, deps.cluster.context), { timeoutMs: 7 * 60_000, signal: deps.signal }).catch(async (error: unknown) => {
        throw await explainHelmFailure(deps, error, deps.now() - started);
      });
    },
  };
}

/** helm's errPending: an earlier helm run was interrupted and left the release pending-install/-upgrade. */
const HELM_PENDING = /another operation \(install\/upgrade\/rollback\) is in progress/;

// Why `helm upgrade --install --wait` failed: a release left pending by an interrupted run, or the pods' state.
export async function explainHelmFailure(deps: PlatformDeps, error: unknown, waitedMs: number): Promise<unknown> {
  if (HELM_PENDING.test(describeError(error))) return pendingReleaseError(error, deps.cluster.context);
  return explainInstallFailure(deps, error, FLAGGER_CHART.namespace, ["flagger"], waitedMs);
}

// Every later `helm upgrade --install` fails the same way until the pending release is cleared by hand.
function pendingReleaseError(error: unknown, context: string) {
  const where = `-n ${FLAGGER_CHART.namespace} --kube-context ${context}`;
  return environmentError(`The Helm release ${FLAGGER_CHART.releaseName} is stuck in a pending state (an earlier install or upgrade was interrupted).`, {
    hint: `See it with \`helm history ${FLAGGER_CHART.releaseName} ${where}\`; clear it with \`helm rollback ${FLAGGER_CHART.releaseName} ${where}\` (pending-upgrade) or \`helm uninstall ${FLAGGER_CHART.releaseName} ${where}\` (pending-install), then \`npm run lab up\`.`,
    cause: error,
  });
}

/** Flagger as `status` shows it. */
export interface FlaggerState {
  version: string | undefined;
  ready: boolean;
  problems: string[];
}

// Flagger's Deployment (ready, pinned image tag) and its Canary CRD.
export async function readFlaggerState(kube: Kube): Promise<FlaggerState> {
  const [deployment, crd] = await Promise.all([
    kube.get({ apiVersion: "apps/v1", kind: "Deployment", name: "flagger", namespace: FLAGGER_CHART.namespace }),
    kube.get({ apiVersion: "apiextensions.k8s.io/v1", kind: "CustomResourceDefinition", name: "canaries.flagger.app" }),
  ]);
  const version = deployment ? deploymentImageTag(deployment, "flagger") : undefined;
  const ready = deployment !== undefined && isDeploymentReady(deployment);
  const problems: string[] = [];
  if (!deployment) problems.push("Flagger is not installed");
  else {
    if (version !== FLAGGER_CHART.version) problems.push(`Flagger runs ${version ?? "an unknown version"}, expected ${FLAGGER_CHART.version}`);
    if (!ready) problems.push("Flagger is not ready");
  }
  if (!crd) problems.push("the Canary CRD (canaries.flagger.app) is missing");
  return { version, ready, problems };
}

import { FLAGGER_CHART } from "../addons/flagger-chart.js";
import { ISTIO_VERSION } from "../cluster/tools/tool-pins.js";
import type { PlatformStatus } from "./status-types.js";

const OK = "✔";
const BAD = "✖";
const mark = (ok: boolean) => (ok ? OK : BAD);

// `lab status` as text: one section per part of the platform, then the one next step that helps most.
export function formatStatus(status: PlatformStatus): string {
  const lines: string[] = [`Platform status (context ${status.context})`, "", "Cluster"];
  lines.push(`  ${mark(status.dockerVersion !== undefined)} Docker ${status.dockerVersion ?? `not reachable${status.dockerError === undefined ? "" : `: ${status.dockerError}`}`}`);
  lines.push(`  ${mark(status.cluster.exists && status.cluster.running)} ${clusterLine(status)}`);
  if (status.cluster.missingMappings.length > 0) lines.push(`  ${BAD} host ports not mapped: ${status.cluster.missingMappings.join(", ")}`);
  lines.push("", "Tools", ...status.tools.map((t) => `  ${t}`));
  if (status.api && !status.api.reachable) lines.push("", `${BAD} Kubernetes API: ${status.api.error ?? "no answer"}`);
  if (status.istio) {
    lines.push("", "Istio", `  ${mark(status.istio.istiodReady && status.istio.istiodVersion === ISTIO_VERSION)} istiod ${status.istio.istiodVersion ?? "not installed"}${status.istio.istiodReady ? " ready" : ""}`);
    lines.push(...status.istio.problems.map((p) => `  ${BAD} ${p}`));
  }
  if (status.addons) {
    lines.push("", "Addons");
    for (const a of status.addons) lines.push(`  ${mark(a.ready && a.exposed)} ${a.addon.padEnd(10)} ${a.url}${a.ready ? "" : "  (not ready)"}${a.exposed ? "" : "  (not exposed)"}`);
  }
  if (status.flagger) {
    lines.push("", "Flagger", `  ${mark(status.flagger.problems.length === 0)} Flagger ${status.flagger.version ?? "not installed"}${status.flagger.ready ? " ready" : ""} (pinned ${FLAGGER_CHART.version})`);
    lines.push(...status.flagger.problems.filter((p) => !p.startsWith("Flagger ")).map((p) => `  ${BAD} ${p}`));
  }
  if (status.labNamespaceReady !== undefined) lines.push("", "Lab namespace", `  ${mark(status.labNamespaceReady)} istioinaction with istio-injection=enabled`);
  if (status.baseline) lines.push("", "Baseline", ...baselineLines(status.baseline));
  lines.push("", `Next: ${nextStep(status)}`);
  return lines.join("\n");
}

function clusterLine(status: PlatformStatus): string {
  const name = status.kindName;
  if (name === undefined) return `context '${status.context}' is not a kind cluster: no kind node to inspect (its API is read directly)`;
  if (!status.cluster.exists) return `kind cluster '${name}' does not exist`;
  if (!status.cluster.running) return `kind cluster '${name}' exists but its node is stopped`;
  return `kind cluster '${name}': node running${status.cluster.missingMappings.length === 0 ? ", host ports 30000-30007 mapped" : ""}`;
}

function baselineLines(baseline: NonNullable<PlatformStatus["baseline"]>): string[] {
  if (!baseline.recorded) return [`  ${BAD} no baseline snapshot recorded yet`];
  if (!baseline.sameCluster) return [`  ${BAD} the recorded baseline belongs to an earlier cluster`];
  if (baseline.differences.length === 0) return [`  ${OK} at baseline`];
  return [`  ${BAD} differs from the baseline:`, ...baseline.differences.map((d) => `      - ${d}`)];
}

// The single most useful command for the state shown.
export function nextStep(status: PlatformStatus): string {
  if (status.dockerVersion === undefined) return "start Docker, then `npm run lab up`.";
  if (status.cluster.missingMappings.length > 0) return "`npm run lab -- up --recreate` (port mappings cannot be changed in place).";
  if (!status.cluster.exists || !status.cluster.running || !status.api?.reachable) return "`npm run lab up`.";
  const platformOk =
    (status.istio?.problems.length ?? 1) === 0 &&
    (status.addons ?? []).every((a) => a.ready && a.exposed) &&
    (status.flagger?.problems.length ?? 1) === 0 &&
    status.labNamespaceReady === true &&
    status.baseline?.recorded === true &&
    status.baseline.sameCluster;
  if (!platformOk) return "`npm run lab up` (it repairs only what is missing).";
  if ((status.baseline?.differences.length ?? 0) > 0) return "`npm run lab reset` to remove what the last lab left.";
  return "ready: `npm run lab list` shows the labs.";
}

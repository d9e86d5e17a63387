import { readFileSync } from "node:fs";
import { join } from "node:path";
import { environmentError } from "../core/errors.js";
import { cacheDir } from "../core/paths.js";

// The cluster twin (test/cluster-twin/): a real API server, controller manager, istiod and Envoy on loopback with
// kwok as the node, no Docker. It writes the context TWIN_CONTEXT and a marker naming what it runs; for that
// context the platform plans skip the steps the twin replaces (kind, mirrors, `istioctl install`, addons,
// Flagger) with their reason, and the session uses the twin's istioctl.

/** The kube context the cluster twin writes into its kubeconfig. */
export const TWIN_CONTEXT = "istio-lab-twin";

/** What a running twin leaves in `<cache>/cluster-twin/<context>.json`. */
export interface TwinMarker {
  context: string;
  /** The twin's kubeconfig; KUBECONFIG must name it (the suite and `cluster-twin start` print how). */
  kubeconfig: string;
  /** The twin's supervisor; the marker is stale once it is gone. */
  pid: number;
  /** istioctl built from the twin's istio.io/istio module (Istio 1.17.8's cannot be downloaded there). */
  istioctl: string;
  /** The image tag of the istiod Deployment the twin creates (what really runs, not 1.17.8). */
  istiodVersion: string;
  startedAt: string;
}

/** The tag of the twin's istiod Deployment image: its istio.io/istio commit (what runs there is not 1.17.8). */
export const TWIN_ISTIOD_TAG = "eed52ebb66ad";

/** The platform steps a twin replaces, and why: printed instead of running them. */
export const TWIN_REPLACED_STEPS: Readonly<Record<string, string>> = {
  "kind-network": "the cluster twin runs on loopback, no Docker network",
  "kind-cluster": "the cluster twin is the cluster (kube-apiserver v1.23.17 with kwok as its node)",
  "registry-mirrors": "the cluster twin pulls no images",
  "addons-and-flagger": "the cluster twin has no Prometheus, Grafana, Kiali, Jaeger or Flagger (left to e2e)",
  istio: "the cluster twin runs istiod and the ingress gateway itself (no `istioctl install`): checked, never installed",
};

export function isTwinContext(context: string): boolean {
  return context === TWIN_CONTEXT;
}

export function twinMarkerPath(context: string, env: NodeJS.ProcessEnv = process.env): string {
  return join(cacheDir(env), "cluster-twin", `${context}.json`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// The running twin behind `context`, or why there is none.
export function readTwinMarker(context: string, env: NodeJS.ProcessEnv = process.env): TwinMarker {
  const path = twinMarkerPath(context, env);
  const hint = "Start it with `npm run cluster-twin -- start`, then `export KUBECONFIG=<the kubeconfig it prints>`.";
  let marker: TwinMarker;
  try {
    marker = JSON.parse(readFileSync(path, "utf8")) as TwinMarker;
  } catch (error) {
    throw environmentError(`Context ${context} is the cluster twin's, and no twin is running (no ${path}).`, { hint, cause: error });
  }
  if (!isAlive(marker.pid)) throw environmentError(`The cluster twin of ${path} is not running (PID ${marker.pid} is gone).`, { hint });
  const kubeconfigs = (env["KUBECONFIG"] ?? "").split(":");
  if (!kubeconfigs.includes(marker.kubeconfig)) {
    throw environmentError(`Context ${context} lives in the twin's kubeconfig ${marker.kubeconfig}, which KUBECONFIG does not name.`, { hint: `export KUBECONFIG=${marker.kubeconfig}` });
  }
  return marker;
}

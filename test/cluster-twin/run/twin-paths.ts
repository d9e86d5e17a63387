// Where the cluster twin keeps its binaries (keyed by version), its state and its logs, and the loopback
// addresses its processes bind.

import { homedir } from "node:os";
import { join } from "node:path";

export const K8S_VERSION = "v1.23.17";
export const KWOK_VERSION = "v0.8.0";
/** The istio.io/istio commit both twins build (the 1.17.8 commit is refused by the module proxy). */
export const ISTIO_COMMIT = "eed52ebb66ad";

/** The kube context the twin writes into its kubeconfig; the runner recognises it (cluster/cluster-twin.ts). */
export const TWIN_CONTEXT_NAME = "istio-lab-twin";

export function twinCacheRoot(env: NodeJS.ProcessEnv = process.env): string {
  const base = env["XDG_CACHE_HOME"] && env["XDG_CACHE_HOME"] !== "" ? env["XDG_CACHE_HOME"] : join(homedir(), ".cache");
  return join(base, "istio-lab-cluster-twin");
}

export interface TwinBinaries {
  etcd: string;
  kubeApiserver: string;
  kubeControllerManager: string;
  kubeScheduler: string;
  kwok: string;
  pilotDiscovery: string;
  istioctl: string;
}

export function twinBinaries(env: NodeJS.ProcessEnv = process.env): TwinBinaries {
  const bin = join(twinCacheRoot(env), "bin");
  const k8s = join(bin, `k8s-${K8S_VERSION}`);
  const istio = join(bin, `istio-${ISTIO_COMMIT}`);
  return {
    etcd: env["ISTIO_LAB_ETCD"] ?? "/usr/bin/etcd",
    kubeApiserver: join(k8s, "kube-apiserver"),
    kubeControllerManager: join(k8s, "kube-controller-manager"),
    kubeScheduler: join(k8s, "kube-scheduler"),
    kwok: join(bin, `kwok-${KWOK_VERSION}`, "kwok"),
    pilotDiscovery: join(istio, "pilot-discovery"),
    istioctl: join(istio, "istioctl"),
  };
}

/** One running twin's folder: certificates, etcd data, logs, kubeconfig, pid file. Wiped at each start. */
export function twinStateDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(twinCacheRoot(env), "state");
}

/**
 * Addresses and ports. Pod IPs cannot be 127.x: the API server rejects loopback addresses in Endpoints and
 * EndpointSlices (ValidateNonSpecialIP), so 10.244.0.0/16 is routed to lo as local (`ip route add local`)
 * and pods get 10.244.0.0/17 from kwok; the rest binds 127.0.0.1.
 */
export const TWIN_NET = {
  etcdClient: "127.0.0.1:12379",
  etcdPeer: "127.0.0.1:12380",
  apiserverHost: "127.0.0.1",
  apiserverPort: 36443,
  serviceCidr: "10.96.0.0/16",
  localRange: "10.244.0.0/16",
  podCidr: "10.244.0.0/17",
  nodeIp: "10.244.200.1",
  kubeletPort: 10250,
  /** istiod's own ports (xDS 15010/15012, monitoring, debug) on an address no pod gets. */
  istiodIp: "127.0.0.3",
  injectorPort: 36444,
} as const;

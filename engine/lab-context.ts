import type { Exec } from "../core/exec.js";
import type { Kube } from "../core/kube.js";
import type { ToolPaths } from "../cluster/tools/tool-paths.js";
import type { ClusterIdentity } from "../cluster/cluster-identity.js";
import type { CertStore } from "./certs/cert-types.js";
import type { Probe } from "./probes/probe-types.js";

/** Everything a lab's actions and checks may touch: the three edges plus tools and time. */
export interface LabContext {
  exec: Exec;
  kube: Kube;
  /** The cluster the run acts on (kube.context is its context); node checks use its kind node container. */
  cluster: ClusterIdentity;
  probe: Probe;
  certs: CertStore;
  tools: ToolPaths;
  projectRoot: string;
  /** --verbose lines (commands, poll attempts); a no-op otherwise. */
  log: (line: string) => void;
  now: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Aborted on Ctrl-C: actions and checks stop at the next boundary. */
  signal: AbortSignal;
}

import type { Exec } from "../../core/exec.js";
import type { Kube } from "../../core/kube.js";
import type { ClusterIdentity } from "../cluster-identity.js";
import type { PinPolicy } from "../tools/first-use-digest.js";
import type { ToolPaths } from "../tools/tool-paths.js";

/** What a platform step may touch. */
export interface PlatformDeps {
  exec: Exec;
  /** The API client, created on first use (only once the cluster exists). */
  kube: () => Promise<Kube>;
  tools: ToolPaths;
  /** The cluster this run acts on, resolved once from --context: every kubectl/istioctl/helm call names its
   * context (never the current-context), kind verbs use its kind name and node. */
  cluster: ClusterIdentity;
  /** Rendered files (kind config, IstioOperator), the Flagger chart and baseline-snapshot.json; normally cacheDir(). */
  workDir: string;
  /** --verbose lines; a no-op otherwise. */
  log: (line: string) => void;
  /** Aborted on Ctrl-C: steps stop at the next boundary. */
  signal: AbortSignal;
  now: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Downloads without a repository pin: the publisher's digest remembered on first use (default), or refused. */
  pinPolicy?: PinPolicy;
  /** One plain line the user always sees (e.g. a download verified against its publisher's digest). */
  onNotice?: (line: string) => void;
}

/** One idempotent piece of the platform baseline: a cheap read says whether it is in place, run puts it there. */
export interface PlatformStep {
  id: string;
  /** One line for progress and --dry-run. */
  title: string;
  /** What a person would type to do the same by hand (shown by --dry-run). */
  command: string;
  isDone(deps: PlatformDeps): Promise<boolean>;
  run(deps: PlatformDeps): Promise<void>;
  /** Independent parts run at the same time (platform/parallel-steps.ts); progress shows each. */
  parts?: readonly PlatformStep[];
}

/** What the plans print in commands (context and folder), so --dry-run shows the real values. */
export interface PlanDisplay {
  workDir: string;
  cluster: ClusterIdentity;
}

/** Progress of runPlatformPlan, for the CLI's renderer. */
export type PlatformProgress =
  | { type: "checking"; step: PlatformStep }
  | { type: "skipped"; step: PlatformStep }
  | { type: "running"; step: PlatformStep }
  | { type: "finished"; step: PlatformStep; ms: number }
  | { type: "already-at-baseline" };

export interface PlatformRunResult {
  /** Ids of the steps that ran. */
  ran: string[];
  /** Ids of the steps that were already done. */
  skipped: string[];
  /** True when every step was already done: nothing was changed. */
  alreadyAtBaseline: boolean;
}

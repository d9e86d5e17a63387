import type { AddonState } from "../addons/install-addons.js";
import type { FlaggerState } from "../addons/install-flagger.js";
import type { IstioState } from "./istio-state.js";
import type { KindNodeState } from "./kind-node-state.js";

/** Everything `lab status` shows, as data (formatStatus turns it into text). */
export interface PlatformStatus {
  context: string;
  /** The kind cluster behind the context; undefined when the context is not a kind one (no node to inspect). */
  kindName?: string;
  /** Docker server version, or undefined when no engine answers. */
  dockerVersion: string | undefined;
  /** Why no engine answered (not installed, not running, hung), when dockerVersion is undefined. */
  dockerError?: string;
  cluster: KindNodeState;
  /** One line per pinned tool (version and where it is). */
  tools: string[];
  /** Filled when the cluster runs: whether its API answered, and why not. */
  api?: { reachable: boolean; error?: string };
  istio?: IstioState;
  addons?: AddonState[];
  flagger?: FlaggerState;
  labNamespaceReady?: boolean;
  baseline?: { recorded: boolean; sameCluster: boolean; differences: string[] };
}

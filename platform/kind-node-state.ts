import type { Exec } from "../core/exec.js";
import { missingPortMappings, parsePortBindings } from "../cluster/kind/port-bindings.js";

/** The kind node container as Docker sees it. */
export interface KindNodeState {
  exists: boolean;
  running: boolean;
  /** Expected host ports the node does not map ("30007 (second gateway ...)"); empty when right. */
  missingMappings: string[];
}

// A local `docker inspect` answers in milliseconds; longer means the Docker daemon is hung.
const INSPECT_TIMEOUT_MS = 30_000;

// One `docker inspect` of the kind node container: present, running, and its port mappings.
export async function inspectKindNode(exec: Exec, nodeContainer: string, signal?: AbortSignal): Promise<KindNodeState> {
  const format = "{{.State.Running}}|{{json .HostConfig.PortBindings}}";
  const result = await exec("docker", ["inspect", nodeContainer, "--format", format], { allowFailure: true, timeoutMs: INSPECT_TIMEOUT_MS, ...(signal ? { signal } : {}) });
  if (result.exitCode !== 0) return { exists: false, running: false, missingMappings: [] };
  const [running, bindings] = splitOnce(result.stdout.trim(), "|");
  return { exists: true, running: running === "true", missingMappings: missingPortMappings(parsePortBindings(bindings || "null")) };
}

function splitOnce(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, ""] : [text.slice(0, at), text.slice(at + 1)];
}

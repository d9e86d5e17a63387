// What Docker says about each registry mirror: absent, stopped, or running (and on the kind network).

import type { Exec } from "../../core/exec.js";
import { REGISTRY_MIRRORS, type RegistryMirror } from "./registry-mirrors.js";

/** One mirror as `status` and `doctor` show it. */
export interface MirrorState {
  mirror: RegistryMirror;
  state: "absent" | "stopped" | "running";
  onKindNetwork: boolean;
}

// One `docker inspect` for all mirrors; containers it does not know are absent.
export async function readMirrorStates(exec: Exec, mirrors: readonly RegistryMirror[] = REGISTRY_MIRRORS): Promise<MirrorState[]> {
  const inspect = await exec("docker", ["inspect", "--format", "{{.Name}} {{.State.Running}} {{range $name, $_ := .NetworkSettings.Networks}}{{$name}},{{end}}", ...mirrors.map((m) => m.container)], { allowFailure: true });
  const lines = inspect.stdout.split("\n").map((line) => line.trim().split(" "));
  return mirrors.map((mirror) => {
    const line = lines.find(([name]) => name === `/${mirror.container}`);
    if (line === undefined) return { mirror, state: "absent", onKindNetwork: false };
    return { mirror, state: line[1] === "true" ? "running" : "stopped", onKindNetwork: (line[2] ?? "").split(",").includes("kind") };
  });
}

// One line per mirror, e.g. "docker.io   running (istio-lab-mirror-docker-io)".
export function formatMirrorStates(states: readonly MirrorState[]): string[] {
  return states.map(({ mirror, state, onKindNetwork }) => `${mirror.upstream.padEnd(10)} ${state === "running" && !onKindNetwork ? "running, not on the kind network" : state} (${mirror.container})`);
}

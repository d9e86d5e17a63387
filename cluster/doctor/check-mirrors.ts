// doctor: the image cache (registry mirrors) — running, stopped, or not created yet.

import type { MirrorState } from "../mirror/mirror-state.js";
import type { DoctorResult } from "./doctor-types.js";

// ok when every mirror runs on the kind network; warn otherwise (`up` starts them); opted out: ok, says so.
export function checkMirrors(states: readonly MirrorState[] | undefined, enabled: boolean): DoctorResult {
  const name = "Image cache (registry mirrors)";
  if (!enabled) return { name, status: "ok", detail: "off (ISTIO_LAB_NO_MIRROR): the node pulls from the registries" };
  if (states === undefined) return { name, status: "warn", detail: "Docker not reachable, not checked" };
  const ready = states.filter((state) => state.state === "running" && state.onKindNetwork);
  if (ready.length === states.length) return { name, status: "ok", detail: `${states.map((state) => state.mirror.upstream).join(", ")} cached by ${states.length} running mirrors` };
  const missing = states.filter((state) => !ready.includes(state)).map((state) => `${state.mirror.container} ${state.state === "running" ? "not on the kind network" : state.state}`);
  return { name, status: "warn", detail: missing.join("; "), fix: "`npm run lab up` starts them; images are then pulled once and kept across `down`." };
}

// Makes every address of TWIN_NET.localRange bindable on lo (`ip route add local ... dev lo`, as 127.0.0.0/8
// is), so pods' IPs are real local addresses; removed again at stop when the twin added it.

import { execFileSync } from "node:child_process";
import { TWIN_NET } from "./twin-paths.js";
import { ClusterTwinError } from "./twin-error.js";

export function hasLocalRoute(): boolean {
  return execFileSync("ip", ["route", "show", "table", "local", TWIN_NET.localRange], { encoding: "utf8" }).trim() !== "";
}

// True when this call added the route (so stop removes it).
export function ensureLocalRoute(): boolean {
  try {
    if (hasLocalRoute()) return false;
    execFileSync("ip", ["route", "add", "local", TWIN_NET.localRange, "dev", "lo"], { stdio: ["ignore", "ignore", "pipe"] });
    return true;
  } catch (error) {
    throw new ClusterTwinError(`cannot route ${TWIN_NET.localRange} to lo for the pods' IPs: ${(error as Error).message}`, {
      hint: "The twin needs iproute2 and CAP_NET_ADMIN (run it as root, as CI does).",
      cause: error,
    });
  }
}

export function removeLocalRoute(): void {
  try {
    execFileSync("ip", ["route", "del", "local", TWIN_NET.localRange, "dev", "lo"], { stdio: "ignore" });
  } catch {
    // Already gone.
  }
}

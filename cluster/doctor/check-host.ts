import { MIN_NODE, isSupportedNode } from "../../core/node-gate.js";
import { statfs } from "node:fs/promises";
import { existsSync } from "node:fs";
import { dirname } from "node:path";
import type { DoctorResult } from "./doctor-types.js";

const GIB = 1024 ** 3;
// Images of the node, Istio, addons, Flagger and the apps come to about 4 GiB; leave room to spare.
const DISK_FAIL_GIB = 6;
const DISK_WARN_GIB = 12;

// Free space where Docker and our cache usually live (the nearest existing folder of `path`).
export async function checkDisk(path: string): Promise<DoctorResult> {
  let dir = path;
  while (!existsSync(dir) && dirname(dir) !== dir) dir = dirname(dir);
  const stats = await statfs(dir);
  const freeGib = (stats.bavail * stats.bsize) / GIB;
  const detail = `${freeGib.toFixed(1)} GiB free at ${dir}`;
  if (freeGib < DISK_FAIL_GIB) return { name: "Disk space", status: "fail", detail, fix: `Free at least ${DISK_FAIL_GIB} GiB (e.g. \`docker system prune\`).` };
  if (freeGib < DISK_WARN_GIB) return { name: "Disk space", status: "warn", detail, fix: `Images need about 4 GiB; ${DISK_WARN_GIB} GiB free is comfortable.` };
  return { name: "Disk space", status: "ok", detail };
}

// Node 22.19 or newer (package.json engines, core/node-gate.ts).
export function checkNodeVersion(version: string = process.versions.node): DoctorResult {
  if (isSupportedNode(version)) return { name: "Node.js", status: "ok", detail: `v${version}` };
  return { name: "Node.js", status: "fail", detail: `v${version}, need >= ${MIN_NODE.major}.${MIN_NODE.minor}`, fix: "Install Node 22 LTS or newer (https://nodejs.org)." };
}

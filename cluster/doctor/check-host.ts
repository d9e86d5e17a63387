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

// Node 22.13 or newer (package.json engines): type stripping and the APIs this project uses.
export function checkNodeVersion(version: string = process.versions.node): DoctorResult {
  const [major = 0, minor = 0] = version.split(".").map((n) => Number.parseInt(n, 10));
  if (major > 22 || (major === 22 && minor >= 13)) return { name: "Node.js", status: "ok", detail: `v${version}` };
  return { name: "Node.js", status: "fail", detail: `v${version}, need >= 22.13`, fix: "Install Node 22 LTS or newer (https://nodejs.org)." };
}

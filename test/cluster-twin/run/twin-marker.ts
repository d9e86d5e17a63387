// The file a running twin leaves for the `lab` runner (cluster/cluster-twin.ts reads it) and for `stop`.

import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { twinMarkerPath, type TwinMarker } from "../../../cluster/cluster-twin.js";

export function writeTwinMarker(marker: TwinMarker, env: NodeJS.ProcessEnv = process.env): string {
  const path = twinMarkerPath(marker.context, env);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(marker, null, 2)}\n`);
  return path;
}

export function removeTwinMarker(context: string, env: NodeJS.ProcessEnv = process.env): void {
  rmSync(twinMarkerPath(context, env), { force: true });
}

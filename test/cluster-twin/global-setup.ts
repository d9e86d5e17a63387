// vitest global setup of the cluster-twin suite: starts the twin (tied to this process, so it stops itself even
// if the run is killed), prints its start-up times, and stops it after the suite, failed or not. Without its
// binaries the suite skips with the reason; under CI=true that is a failure.

import type { TestProject } from "vitest/node";
import { startTwin, stopTwin } from "./cli.js";
import { missingClusterTwinReason } from "./twin-availability.js";

declare module "vitest" {
  export interface ProvidedContext {
    clusterTwin: { context: string; kubeconfig: string } | { skip: string };
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const reason = missingClusterTwinReason();
  if (reason !== undefined) {
    if (process.env["CI"] === "true") throw new Error(`cluster twin unavailable under CI=true: ${reason}`);
    project.provide("clusterTwin", { skip: `${reason}; set CI=true to make this a failure` });
    return async () => {};
  }
  const ready = await startTwin({ parentPid: process.pid });
  const timings = Object.entries(ready.timingsMs).map(([piece, ms]) => `${piece} ${(ms / 1000).toFixed(1)} s`).join(", ");
  process.stdout.write(`[cluster-twin] ready: ${timings}\n`);
  project.provide("clusterTwin", { context: ready.context, kubeconfig: ready.kubeconfig });
  return async () => {
    await stopTwin();
  };
}

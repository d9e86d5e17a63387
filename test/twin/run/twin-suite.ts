// What every twin test file starts with: the binary built (or the reason it is not, outside CI) and the
// dependencies to generate states with.

import { join } from "node:path";
import { createExec } from "../../../core/exec.js";
import { createCertStore } from "../../../engine/certs/cert-store.js";
import type { GenerateDeps } from "../generate-state.js";
import { detectTwin } from "./twin-availability.js";
import { twinCacheDir } from "./twin-binary.js";

/** deps is undefined when the suite must skip; the title then says why. */
export interface TwinSuite {
  projectRoot: string;
  deps: GenerateDeps | undefined;
  title: string;
}

// Builds the twin (warm: seconds) and names the describe block, with the skip reason when there is one.
export async function loadTwinSuite(name: string): Promise<TwinSuite> {
  const projectRoot = process.cwd();
  const exec = createExec();
  const twin = await detectTwin(exec, projectRoot, process.env["CI"] === "true");
  if (twin.skipReason !== undefined) {
    console.warn(`SKIPPED ${name}: ${twin.skipReason}`);
    return { projectRoot, deps: undefined, title: `${name} (skipped: ${twin.skipReason})` };
  }
  // Certificates only fill Secrets (configs name them, never embed them): one reusable store in the cache.
  return { projectRoot, deps: { exec, binary: twin.binary, projectRoot, certs: createCertStore(join(twinCacheDir(), "certs")) }, title: name };
}

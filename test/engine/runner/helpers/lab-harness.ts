import { rm } from "node:fs/promises";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import type { RunLabOptions } from "../../../../engine/runner/run-options.js";
import { captureOutput } from "./capture.js";
import { startCatalogServer, type CatalogServer } from "./catalog-server.js";
import { createTestContext, type TestContext } from "./fake-edges.js";

export interface Harness {
  server: CatalogServer;
  t: TestContext;
  /** Run options on the test renderer, writing into the test's temp folder; read() gives the output. */
  options(extra?: Partial<RunLabOptions>): RunLabOptions & { read: () => string };
}

// A catalog server for the file, a fresh context per test; `set-version vN` execs switch the served version.
export function useLabHarness(): Harness {
  const harness = {} as Harness;
  beforeAll(async () => {
    harness.server = await startCatalogServer();
  });
  afterAll(() => harness.server.stop());
  beforeEach(async () => {
    harness.server.version = "v1";
    harness.server.onRequest = undefined;
    harness.t = await createTestContext();
    harness.t.kube.onExec = (command) => {
      if (command[0] === "set-version") harness.server.version = command[1] as "v1" | "v2";
    };
  });
  afterEach(async () => {
    harness.t.ctx.probe.close();
    await rm(harness.t.dir, { recursive: true, force: true });
  });
  harness.options = (extra = {}) => {
    const out = captureOutput();
    const dir = harness.t.dir;
    return { selfTest: false, fast: false, verbose: false, renderer: "test", output: out.stream, reportDir: dir, workDir: dir, read: out.text, ...extra };
  };
  return harness;
}

// A hung Docker daemon, end to end: `doctor` waits out its real 20 s timeout on `docker version`. A file of
// its own so that wait runs beside the other CLI files instead of after them.
import { afterEach, describe, expect, it } from "vitest";
import { createCliWorld, type CliWorld } from "./helpers/cli-world.js";

let world: CliWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

describe("early ends: a hung Docker daemon", () => {
  it("is named as hung, not as a missing CLI", { timeout: 90_000 }, async () => {
    world = await createCliWorld();
    world.shims.hang("docker");
    const run = await world.run(["doctor"], { timeoutMs: 80_000 });
    expect(run.status).toBe(3);
    expect(run.stdout).toMatch(/Docker engine\s+hung/);
    expect(run.stdout).not.toContain("not installed");
  });
});

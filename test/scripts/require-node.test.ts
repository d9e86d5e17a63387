import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MIN_NODE } from "../../core/node-gate.js";
import { projectRoot } from "../../core/paths.js";
// @ts-expect-error: a plain JavaScript module (it must run before the build, on any Node)
import { minimumOf, refusal } from "../../scripts/require-node.mjs";

const engines = (JSON.parse(readFileSync(join(projectRoot(), "package.json"), "utf8")) as { engines: { node: string } }).engines.node;
const scripts = (JSON.parse(readFileSync(join(projectRoot(), "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;

describe("the npm scripts' Node gate", () => {
  it("takes the minimum from package.json engines, the same one the CLI states", () => {
    expect(minimumOf(engines)).toEqual({ major: MIN_NODE.major, minor: MIN_NODE.minor });
  });

  it("refuses Node 20 and 22.18 with what to do, and lets 22.19 and 24 through", () => {
    const minimum = minimumOf(engines) as { major: number; minor: number };
    expect(refusal("20.20.2", minimum)).toContain("needs Node >= 22.19 (found v20.20.2); the tests were not started");
    expect(refusal("22.18.0", minimum)).toContain("npm install --prefix ~/.cache/istio-lab-node node@22");
    expect(refusal("22.19.0", minimum)).toBeUndefined();
    expect(refusal("24.1.0", minimum)).toBeUndefined();
  });

  it("runs first in every suite's npm script", () => {
    for (const name of ["test", "test:e2e", "test:twin", "bench"]) expect(scripts[name], name).toMatch(/^node scripts\/require-node\.mjs && /);
  });

  it("exits 0 on this Node", () => {
    expect(spawnSync(process.execPath, [join(projectRoot(), "scripts", "require-node.mjs")]).status).toBe(0);
  });
});

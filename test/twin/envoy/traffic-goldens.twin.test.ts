// The traffic suite's own generated states (golden/, golden-broken/): regenerated through the istiod twin like
// its goldens, and they must match. States the istiod twin's plan already writes are read from there.

import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtLab } from "../../../labs/lab-lookup.js";
import { generateState } from "../generate-state.js";
import { syncGoldenState } from "../golden-io.js";
import { mutateValues } from "../mutate/replace-values.js";
import { goldenStates } from "../plan/golden-plan.js";
import { loadTwinSuite } from "../run/twin-suite.js";
import { BROKEN_CASES } from "./broken-cases.js";
import { judgesThroughEnvoy } from "./harness/run-mesh-lab.js";
import { MESH_LABS } from "./mesh-lab-list.js";
import { goldenDir, goldenRoots } from "./world/golden-config.js";
import { trafficStates, type TrafficState } from "./world/traffic-states.js";

const { projectRoot, deps, title } = await loadTwinSuite("istiod twin: the traffic suite's states");
const [, ownRoot = ""] = goldenRoots(projectRoot);
const brokenRoot = join(projectRoot, "test", "twin", "envoy", "golden-broken");

// The traffic states the istiod twin's plan does not write with every proxy they need.
async function ownStates(): Promise<TrafficState[]> {
  const planned = goldenStates();
  const states: TrafficState[] = [];
  for (const id of MESH_LABS) {
    const lab = builtLab(id);
    if (lab === undefined) throw new Error(`${id} is not a built lab`);
    for (const state of await trafficStates(projectRoot, lab, judgesThroughEnvoy)) {
      const theirs = planned.find((candidate) => candidate.labId === state.labId && candidate.stepNumber === state.stepNumber);
      const covered = theirs !== undefined && state.proxies.every((proxy) => theirs.proxies.some((known) => known.namespace === proxy.namespace && known.deployment === proxy.deployment));
      if (!covered) states.push(state);
    }
  }
  return states;
}

const states = await ownStates();

describe.skipIf(deps === undefined)(title, () => {
  it.each(states.map((state) => [`${state.labId} after step ${state.stepNumber}`, state] as const))("matches istiod: %s", async (_name, state) => {
    if (deps === undefined) return;
    const changed = syncGoldenState(goldenDir(ownRoot, state.labId, state.stepNumber), await generateState(state, deps));
    expect(changed, "generated config differs (rewritten; review with git diff)").toEqual([]);
  });

  it.each(BROKEN_CASES.map((entry) => [entry.id, entry] as const))("broken copy matches istiod: %s", async (_id, entry) => {
    if (deps === undefined) return;
    const state = { labId: entry.labId, stepNumber: entry.stepNumber, proxies: entry.proxies };
    const changed = syncGoldenState(join(brokenRoot, entry.id, String(entry.stepNumber)), await generateState(state, deps, mutateValues(entry.mutations)));
    expect(changed, "generated config differs (rewritten; review with git diff)").toEqual([]);
  });

  it("keeps no state it no longer generates", () => {
    const wanted = new Set(states.map((state) => `${state.labId}/${state.stepNumber}`));
    const onDisk = readdirSync(ownRoot).flatMap((lab) => readdirSync(join(ownRoot, lab)).map((step) => `${lab}/${step}`));
    expect(onDisk.filter((key) => !wanted.has(key))).toEqual([]);
  });
});

// The istiod twin suite (`npm run test:twin`): istiod's own config generation, run in process by the Go
// program in test/twin/istiod, regenerates every golden state and must match the committed files; the labs'
// proxy-config checks are judged on the fresh output and evidence.json is written from those judgements.

import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildEvidence } from "./evidence.js";
import { generateState, type GenerateDeps } from "./generate-state.js";
import { syncGoldenState } from "./golden-io.js";
import { evidenceFile, goldenRoot, goldenStateDir } from "./golden-paths.js";
import { isJudgementRight, judgeEntry, type Judgement } from "./judge/judge-entries.js";
import { goldenStates } from "./plan/golden-plan.js";
import { proxyConfigEntries } from "./plan/proxy-config-entries.js";
import { loadTwinSuite } from "./run/twin-suite.js";

const { projectRoot, deps, title } = await loadTwinSuite("istiod twin: goldens");
const states = goldenStates();
const judgements: Judgement[] = [];

describe.skipIf(deps === undefined)(title, () => {

  it.each(states.map((state) => [`${state.labId} after step ${state.stepNumber}`, state] as const))("goldens match istiod: %s", async (_name, state) => {
    const changed = syncGoldenState(goldenStateDir(projectRoot, state.labId, state.stepNumber), await generateState(state, deps as GenerateDeps));
    expect(changed, "golden files differ from istiod's output (rewritten; review with git diff)").toEqual([]);
  });

  it("keeps no golden state the plan no longer generates", () => {
    const planned = new Set(states.map((state) => `${state.labId}/${state.stepNumber}`));
    const onDisk = readdirSync(goldenRoot(projectRoot), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .flatMap((lab) => readdirSync(join(goldenRoot(projectRoot), lab.name)).map((step) => `${lab.name}/${step}`));
    expect(onDisk.filter((key) => !planned.has(key))).toEqual([]);
  });

  it("every lab's proxy-config checks behave on the fresh istiod output", async () => {
    for (const entry of proxyConfigEntries()) judgements.push(...(await judgeEntry(entry, projectRoot)));
    const wrong = judgements.filter((judgement) => !isJudgementRight(judgement));
    expect(wrong.map((judgement) => `${judgement.entry.name} (${judgement.when}): ${judgement.outcome?.status ?? judgement.missing} ${judgement.outcome?.seen.split("\n")[0] ?? ""}`)).toEqual([]);
  });

  afterAll(() => {
    if (judgements.length === 0) return;
    writeFileSync(evidenceFile(projectRoot), `${JSON.stringify(buildEvidence(states, judgements), null, 2)}\n`, "utf8");
  });
});

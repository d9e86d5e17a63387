// Every proxy-config check of every lab, judged by the engine's real check code on istiod's generated
// config (the committed goldens of the istiod twin; only the istioctl process edge is faked): each passes
// after its step, and each must-fail-first check fails on the state before its step.

import { existsSync, readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import type { Evidence } from "./evidence.js";
import { evidenceFile } from "./golden-paths.js";
import { isJudgementRight, judgeEntry, type Judgement } from "./judge/judge-entries.js";
import { proxyConfigEntries } from "./plan/proxy-config-entries.js";

const projectRoot = process.cwd();
const entries = proxyConfigEntries();
const judged: Judgement[] = [];

describe("the labs' proxy-config checks on istiod's generated config (test/twin/golden)", () => {
  it.each(entries.map((entry) => [entry.name, entry] as const))("%s", async (_name, entry) => {
    const judgements = await judgeEntry(entry, projectRoot);
    judged.push(...judgements);
    for (const judgement of judgements) {
      expect(judgement.missing, `${judgement.when} step ${entry.stepNumber}`).toBeUndefined();
      expect(judgement.outcome?.status, `${judgement.when} step ${entry.stepNumber} (${judgement.stateDir}): ${judgement.outcome?.seen ?? ""}`).toBe(judgement.want);
    }
  });

  it("evidence.json (written by npm run test:twin) counts exactly these checks per lab", () => {
    const file = evidenceFile(projectRoot);
    expect(existsSync(file), `${file} is missing: run npm run test:twin`).toBe(true);
    const evidence = JSON.parse(readFileSync(file, "utf8")) as Evidence;
    const counted = Object.fromEntries(Object.entries(evidence).filter(([, lab]) => lab.proxyConfigChecks > 0).map(([labId, lab]) => [labId, lab.proxyConfigChecks]));
    const expected: Record<string, number> = {};
    for (const entry of entries) expected[entry.lab.id] = (expected[entry.lab.id] ?? 0) + 1;
    expect(counted).toEqual(expected);
  });

  afterAll(() => {
    const right = judged.filter(isJudgementRight);
    const labs = new Set(entries.map((entry) => entry.lab.id));
    const mustFail = judged.filter((judgement) => judgement.when === "before");
    console.log(
      `istiod twin: ${entries.length} proxy-config checks judged on istiod output (${right.length}/${judged.length} judgements right, ` +
        `${mustFail.length} of them must-fail-first on the state before), ${labs.size} labs: ${[...labs].join(", ")}`,
    );
  });
});

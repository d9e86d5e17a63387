import { join } from "node:path";
import { projectRoot } from "../core/paths.js";
import { describePlan } from "../engine/checks/weighted-plan.js";
import { planOf } from "../engine/execute/checks/weighted-check.js";
import type { WeightedCheck } from "../engine/lab-types.js";
import { LABS } from "../labs/registry.js";
import { benchProbeVsCurl } from "./bench-probe.js";
import { benchStartup } from "./bench/startup-bench.js";

// `npm run bench`: every figure is a ratio against a baseline timed in the same interleaved rounds.
const fmt = (ms: number): string => `${ms.toFixed(1)} ms`;

const startup = await benchStartup(join(projectRoot(), "dist", "scripts", "lab.js"));
console.log(`CLI start-up (9 interleaved rounds; baseline \`node -e 0\` median ${fmt(startup.baselineMs)}; ratio = median of per-round ratios)`);
// The start-up targets (kubectl's own client start-up is about 1.3x of Node's).
const TARGETS: Readonly<Record<string, number>> = { "lab list": 1.5, "lab --help": 1.5, "lab ch5-traffic-shifting --dry-run": 2, "lab doctor": 2.5 };
for (const r of startup.results) {
  const limit = TARGETS[r.label];
  const target = limit === undefined ? "" : `  (target <= ${limit}x)${r.ratio <= limit ? "" : "  OVER TARGET"}`;
  console.log(`  ${r.label.padEnd(36)} ${fmt(r.medianMs).padStart(10)}  ratio ${r.ratio.toFixed(2)}x${target}`);
}

const probe = await benchProbeVsCurl(200);
console.log(`\n${probe.requests} GETs to a 127.0.0.1 server (7 interleaved rounds; baseline: one keep-alive curl given all ${probe.requests} URLs, median ${fmt(probe.curlKeepAliveMs)})`);
for (const r of probe.results) {
  const verdict = r.label.startsWith("node probe") ? (r.ratio <= 1 ? "  (target <= 1x: met)" : "  (target <= 1x: SLOWER than curl)") : "";
  console.log(`  ${r.label.padEnd(36)} ${fmt(r.medianMs).padStart(10)}  ratio ${r.ratio.toFixed(2)}x${verdict}`);
}

console.log(`\nWeighted checks of the catalog (alpha = 1e-6 both ways, any split 5 points away)`);
for (const lab of LABS) {
  for (const step of lab.steps({ fast: false })) {
    for (const check of step.checks.filter((c): c is WeightedCheck => c.kind === "weighted")) {
      const started = performance.now();
      const plan = planOf(check);
      console.log(`  ${lab.id}: ${describePlan(plan, check.hitLabel)} [planned in ${fmt(performance.now() - started)}]`);
    }
  }
}

import { join } from "node:path";
import { projectRoot } from "../core/paths.js";
import { describePlan, planWeightedCheck } from "../engine/checks/weighted-plan.js";
import { benchProbeVsCurl } from "./bench-probe.js";
import { benchStartup } from "./bench/startup-bench.js";

// `npm run bench`: every figure is a ratio against a baseline measured in the same run.
const fmt = (ms: number): string => `${ms.toFixed(1)} ms`;

const startup = benchStartup(join(projectRoot(), "dist", "scripts", "lab.js"));
console.log(`CLI start-up (median of 9, baseline \`node -e 0\` = ${fmt(startup.baselineMs)})`);
for (const r of startup.results) {
  console.log(`  ${r.label.padEnd(12)} ${fmt(r.medianMs).padStart(10)}  ratio ${r.ratio.toFixed(2)}x  (target <= 3x)${r.ratio <= 3 ? "" : "  OVER TARGET"}`);
}

const probe = await benchProbeVsCurl(100);
console.log(`\n100 requests to a 127.0.0.1 server`);
console.log(`  node probe   ${fmt(probe.probeMs).padStart(10)}`);
console.log(`  100 x curl   ${fmt(probe.curlMs).padStart(10)}  (the seed's loop: one curl process per request)`);
console.log(`  probe is ${probe.ratio.toFixed(1)}x faster (target >= 10x)${probe.ratio >= 10 ? "" : "  UNDER TARGET"}`);

console.log(`\nWeighted checks (alpha = 1e-6 both ways)`);
for (const [label, expected, wrong] of [
  ["ch5-traffic-shifting 90/10", 0.1, [0, 0.5]],
  ["ch5-traffic-shifting 50/50", 0.5, [0.1, 0.9]],
] as const) {
  const started = performance.now();
  const plan = planWeightedCheck(expected, [...wrong]);
  console.log(`  ${label}: ${describePlan(plan, "v2")} [planned in ${fmt(performance.now() - started)}]`);
}

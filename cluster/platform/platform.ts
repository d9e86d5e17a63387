// The platform's public surface for scripts/: plans, runner, status, down, snapshots.
export { planUp, type PlanUpOptions } from "./plan-up.js";
export { planReset, type PlanResetOptions } from "./plan-reset.js";
export { down, planDown, type DownResult } from "./down.js";
export { runPlatformPlan, formatPlan } from "./run-platform-plan.js";
export { collectStatus, type StatusDeps } from "./collect-status.js";
export { formatStatus } from "./format-status.js";
export { lazyKube } from "./lazy-kube.js";
export { takeSnapshot } from "./take-snapshot.js";
export { compareSnapshots } from "./compare-snapshots.js";
export { readBaseline, baselinePath } from "./baseline-store.js";
export type { PlatformDeps, PlatformStep, PlatformProgress, PlatformRunResult } from "./platform-types.js";
export type { PlatformStatus } from "./status-types.js";
export type { PlatformSnapshot } from "./snapshot-types.js";

import { describeSnapshotObject } from "./take-snapshot.js";
import type { PlatformSnapshot } from "./snapshot-types.js";

// Human-readable differences between the baseline and now; [] when the cluster is at baseline.
export function compareSnapshots(baseline: PlatformSnapshot, current: PlatformSnapshot): string[] {
  return [...compareNamespaces(baseline, current), ...compareObjects(baseline, current), ...compareMesh(baseline, current), ...compareIstiodEnv(baseline, current)];
}

function compareNamespaces(baseline: PlatformSnapshot, current: PlatformSnapshot): string[] {
  const before = new Map(baseline.namespaces.map((ns) => [ns.name, ns.injection]));
  const now = new Map(current.namespaces.map((ns) => [ns.name, ns.injection]));
  const differences: string[] = [];
  for (const [name, injection] of now) {
    if (!before.has(name)) differences.push(`extra namespace ${name}`);
    else if (before.get(name) !== injection) {
      differences.push(`namespace ${name} istio-injection ${injection ?? "unset"}, baseline ${before.get(name) ?? "unset"}`);
    }
  }
  for (const name of before.keys()) if (!now.has(name)) differences.push(`missing namespace ${name}`);
  return differences;
}

function compareObjects(baseline: PlatformSnapshot, current: PlatformSnapshot): string[] {
  const before = new Set(baseline.objects.map(describeSnapshotObject));
  const now = new Set(current.objects.map(describeSnapshotObject));
  return [...[...now].filter((o) => !before.has(o)).map((o) => `extra ${o}`), ...[...before].filter((o) => !now.has(o)).map((o) => `missing ${o}`)];
}

function compareMesh(baseline: PlatformSnapshot, current: PlatformSnapshot): string[] {
  if (!baseline.mesh) return [];
  if (!current.mesh) return ["mesh config missing (ConfigMap istio in istio-system), baseline has one"];
  const differences: string[] = [];
  if (current.mesh.outboundTrafficPolicy !== baseline.mesh.outboundTrafficPolicy) {
    differences.push(`mesh outboundTrafficPolicy ${current.mesh.outboundTrafficPolicy}, baseline ${baseline.mesh.outboundTrafficPolicy}`);
  }
  const keys = new Set([...Object.keys(baseline.mesh.settings), ...Object.keys(current.mesh.settings)]);
  for (const key of [...keys].sort()) {
    const now = current.mesh.settings[key];
    const before = baseline.mesh.settings[key];
    if (now !== before) differences.push(`mesh ${key} ${now ?? "unset"}, baseline ${before ?? "unset"}`);
  }
  return differences;
}

function compareIstiodEnv(baseline: PlatformSnapshot, current: PlatformSnapshot): string[] {
  const before = new Set(baseline.istiodEnv);
  const now = new Set(current.istiodEnv);
  return [
    ...current.istiodEnv.filter((e) => !before.has(e)).map((e) => `istiod env ${e} not in baseline`),
    ...baseline.istiodEnv.filter((e) => !now.has(e)).map((e) => `istiod env ${e} missing`),
  ];
}

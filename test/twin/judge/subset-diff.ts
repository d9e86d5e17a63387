// Where a real output fragment and the twin's output disagree: every path of `fragment` whose value the
// twin lacks or holds differently (extra fields in the twin's output are fine: the fragment is partial).

// Paths like `.routes[0].route.weightedClusters.totalWeight`, each with what each side holds.
export function subsetDiff(fragment: unknown, twin: unknown, path = ""): string[] {
  if (Array.isArray(fragment)) {
    if (!Array.isArray(twin)) return [`${path}: not a list in the twin`];
    return fragment.flatMap((item, index) => (index < twin.length ? subsetDiff(item, twin[index], `${path}[${index}]`) : [`${path}[${index}]: missing in the twin`]));
  }
  if (fragment !== null && typeof fragment === "object") {
    if (twin === null || typeof twin !== "object" || Array.isArray(twin)) return [`${path}: not an object in the twin`];
    const other = twin as Record<string, unknown>;
    return Object.entries(fragment).flatMap(([key, value]) => (key in other ? subsetDiff(value, other[key], `${path}.${key}`) : [`${path}.${key}: missing in the twin`]));
  }
  return fragment === twin ? [] : [`${path}: real ${JSON.stringify(fragment)}, twin ${JSON.stringify(twin)}`];
}

// The cluster-count assertion on `istioctl proxy-config cluster ... -o json`: how many clusters a proxy holds,
// e.g. an ingress gateway knowing every service of the mesh versus only the ones its routes use.

import type { ClusterCountAssertion } from "../lab-types.js";
import { readClusterNames } from "./route-config.js";

// The cluster names the assertion counts (all, or those starting with its prefix).
export function countedClusters(assertion: ClusterCountAssertion, json: unknown): string[] {
  const names = readClusterNames(json);
  return assertion.prefix === undefined ? names : names.filter((name) => name.startsWith(assertion.prefix as string));
}

// "at least 10", "at most 3", "between 1 and 3".
function describeBounds(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return min === max ? `exactly ${min}` : `between ${min} and ${max}`;
  if (min !== undefined) return `at least ${min}`;
  if (max !== undefined) return `at most ${max}`;
  return "any number of";
}

// What the assertion wants, in words.
export function describeClusterCount(assertion: ClusterCountAssertion): string {
  const which = assertion.prefix === undefined ? "clusters" : `clusters named ${assertion.prefix}...`;
  return `${describeBounds(assertion.min, assertion.max)} ${which}`;
}

// Problems in the assertion's definition (no bound, or max below min); empty when it is sound.
export function validateClusterCount(assertion: ClusterCountAssertion): string[] {
  const problems: string[] = [];
  if (assertion.min === undefined && assertion.max === undefined) problems.push("cluster-count needs min or max");
  for (const [bound, value] of [["min", assertion.min], ["max", assertion.max]] as const) {
    if (value !== undefined && (!Number.isInteger(value) || value < 0)) problems.push(`cluster-count ${bound} must be a whole number >= 0, got ${value}`);
  }
  if (assertion.min !== undefined && assertion.max !== undefined && assertion.max < assertion.min) problems.push(`cluster-count max ${assertion.max} is below min ${assertion.min}`);
  return problems;
}

// undefined when the count is within the bounds, else a one-line reason with the count.
export function evaluateClusterCount(assertion: ClusterCountAssertion, json: unknown): string | undefined {
  const problems = validateClusterCount(assertion);
  if (problems.length > 0) return `invalid assertion: ${problems.join("; ")}`;
  const count = countedClusters(assertion, json).length;
  const tooFew = assertion.min !== undefined && count < assertion.min;
  const tooMany = assertion.max !== undefined && count > assertion.max;
  if (!tooFew && !tooMany) return undefined;
  const which = assertion.prefix === undefined ? "clusters" : `${assertion.prefix} clusters`;
  return `${count} ${which}, expected ${describeBounds(assertion.min, assertion.max)}`;
}

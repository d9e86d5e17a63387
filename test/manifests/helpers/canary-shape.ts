// A structural check for flagger.app/v1beta1 Canary, which no schema package covers. It follows the
// fields and types of Flagger's CRD (facts/install.md §4) and, stricter than the CRD (which prunes
// unknown fields silently), rejects keys it does not know so a typo cannot pass unnoticed.

type Json = Record<string, unknown>;

const SPEC_KEYS = ["provider", "metricsServer", "targetRef", "autoscalerRef", "ingressRef", "upstreamRef", "service",
  "skipAnalysis", "revertOnDeletion", "suspend", "progressDeadlineSeconds", "analysis"];
const TARGET_REF_KEYS = ["apiVersion", "kind", "name"];
const SERVICE_KEYS = ["name", "port", "portName", "targetPort", "portDiscovery", "appProtocol", "timeout", "gateways",
  "hosts", "trafficPolicy", "corsPolicy", "headers", "match", "rewrite", "retries", "delegation"];
const ANALYSIS_KEYS = ["interval", "iterations", "threshold", "maxWeight", "stepWeight", "stepWeights",
  "stepWeightPromotion", "mirror", "mirrorWeight", "primaryReadyThreshold", "canaryReadyThreshold", "alerts",
  "match", "metrics", "webhooks", "sessionAffinity"];
const METRIC_KEYS = ["name", "interval", "threshold", "thresholdRange", "query", "templateRef", "templateVariables"];
const MATCH_KEYS = ["name", "uri", "scheme", "method", "authority", "headers", "port", "sourceLabels", "gateways",
  "queryParams", "ignoreUriCase", "withoutHeaders", "sourceNamespace"];
const DURATION = /^[0-9]+(ms|s|m|h)$/;

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function isInteger(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === "string");
}

// Go-style duration ("45s", "1m") to seconds.
export function durationSeconds(value: string): number {
  const match = /^([0-9]+)(ms|s|m|h)$/.exec(value);
  if (!match) return Number.NaN;
  const unit = { ms: 0.001, s: 1, m: 60, h: 3600 }[match[2] as "ms" | "s" | "m" | "h"];
  return Number(match[1]) * unit;
}

function unknownKeys(where: string, object: Json, allowed: readonly string[], problems: string[]): void {
  for (const key of Object.keys(object)) if (!allowed.includes(key)) problems.push(`${where}.${key} is not a Canary field`);
}

function checkTargetRef(ref: unknown, problems: string[]): void {
  if (!isObject(ref)) return void problems.push("spec.targetRef is required");
  unknownKeys("spec.targetRef", ref, TARGET_REF_KEYS, problems);
  for (const key of TARGET_REF_KEYS) if (typeof ref[key] !== "string") problems.push(`spec.targetRef.${key} must be a string`);
  if (!["Deployment", "DaemonSet", "Service"].includes(String(ref["kind"]))) problems.push("spec.targetRef.kind must be Deployment, DaemonSet or Service");
}

function checkService(service: unknown, problems: string[]): void {
  if (!isObject(service)) return void problems.push("spec.service is required");
  unknownKeys("spec.service", service, SERVICE_KEYS, problems);
  if (!isInteger(service["port"])) problems.push("spec.service.port must be an integer");
  const target = service["targetPort"];
  if (target !== undefined && !isInteger(target) && typeof target !== "string") problems.push("spec.service.targetPort must be an integer or a string");
  for (const key of ["gateways", "hosts"]) if (service[key] !== undefined && !isStringArray(service[key])) problems.push(`spec.service.${key} must be a list of strings`);
  if (service["name"] !== undefined && typeof service["name"] !== "string") problems.push("spec.service.name must be a string");
}

function checkMetric(metric: unknown, i: number, problems: string[]): void {
  const where = `spec.analysis.metrics[${i}]`;
  if (!isObject(metric)) return void problems.push(`${where} must be an object`);
  unknownKeys(where, metric, METRIC_KEYS, problems);
  if (typeof metric["name"] !== "string") problems.push(`${where}.name is required`);
  if (metric["interval"] !== undefined && !(typeof metric["interval"] === "string" && DURATION.test(metric["interval"]))) problems.push(`${where}.interval must be a duration`);
  const range = metric["thresholdRange"];
  if (range !== undefined) {
    if (!isObject(range)) return void problems.push(`${where}.thresholdRange must be an object`);
    unknownKeys(`${where}.thresholdRange`, range, ["min", "max"], problems);
    for (const key of ["min", "max"]) if (range[key] !== undefined && typeof range[key] !== "number") problems.push(`${where}.thresholdRange.${key} must be a number`);
  }
}

function checkAnalysis(analysis: unknown, problems: string[]): void {
  if (!isObject(analysis)) return void problems.push("spec.analysis is required");
  unknownKeys("spec.analysis", analysis, ANALYSIS_KEYS, problems);
  const interval = analysis["interval"];
  if (!(typeof interval === "string" && DURATION.test(interval))) problems.push("spec.analysis.interval must be a duration");
  else if (durationSeconds(interval) < 10) problems.push("spec.analysis.interval below Flagger's 10s minimum");
  for (const key of ["threshold", "maxWeight", "stepWeight", "iterations"]) {
    if (analysis[key] !== undefined && !isInteger(analysis[key])) problems.push(`spec.analysis.${key} must be an integer`);
  }
  const match = analysis["match"];
  if (match !== undefined) {
    if (!Array.isArray(match)) problems.push("spec.analysis.match must be a list");
    else match.forEach((m, i) => (isObject(m) ? unknownKeys(`spec.analysis.match[${i}]`, m, MATCH_KEYS, problems) : problems.push(`spec.analysis.match[${i}] must be an object`)));
  }
  const metrics = analysis["metrics"];
  if (metrics !== undefined) {
    if (!Array.isArray(metrics)) problems.push("spec.analysis.metrics must be a list");
    else metrics.forEach((m, i) => checkMetric(m, i, problems));
  }
}

// Problems with a Canary object (empty = structurally valid).
export function checkCanaryShape(object: Json): string[] {
  const problems: string[] = [];
  if (object["apiVersion"] !== "flagger.app/v1beta1") problems.push("apiVersion must be flagger.app/v1beta1");
  if (object["kind"] !== "Canary") problems.push("kind must be Canary");
  const metadata = object["metadata"];
  if (!isObject(metadata) || typeof metadata["name"] !== "string") problems.push("metadata.name is required");
  const spec = object["spec"];
  if (!isObject(spec)) return [...problems, "spec is required"];
  unknownKeys("spec", spec, SPEC_KEYS, problems);
  checkTargetRef(spec["targetRef"], problems);
  checkService(spec["service"], problems);
  checkAnalysis(spec["analysis"], problems);
  const deadline = spec["progressDeadlineSeconds"];
  if (deadline !== undefined && !isInteger(deadline)) problems.push("spec.progressDeadlineSeconds must be an integer");
  for (const key of ["skipAnalysis", "suspend", "revertOnDeletion"]) if (spec[key] !== undefined && typeof spec[key] !== "boolean") problems.push(`spec.${key} must be a boolean`);
  return problems;
}

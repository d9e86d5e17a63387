import * as kubernetesModels from "kubernetes-models";
import * as istioModels from "@kubernetes-models/istio";

interface ModelClass {
  new (data: unknown): { validate(): void };
  apiVersion: string;
  kind: string;
}

// apiVersions Istio 1.17 serves; the models package also knows newer ones (networking.istio.io/v1) that 1.17 rejects.
export const ISTIO_1_17_API_VERSIONS: ReadonlySet<string> = new Set([
  "networking.istio.io/v1alpha3",
  "networking.istio.io/v1beta1",
  "security.istio.io/v1beta1",
  "telemetry.istio.io/v1alpha1",
  "extensions.istio.io/v1alpha1",
  "install.istio.io/v1alpha1",
]);

function isModelClass(value: unknown): value is ModelClass {
  if (typeof value !== "function") return false;
  const candidate = value as unknown as Record<string, unknown>;
  return typeof candidate["apiVersion"] === "string" && typeof candidate["kind"] === "string";
}

function collectModels(namespace: object, into: Map<string, ModelClass>, seen: Set<object>): void {
  if (seen.has(namespace)) return;
  seen.add(namespace);
  for (const value of Object.values(namespace)) {
    if (isModelClass(value)) into.set(`${value.apiVersion}/${value.kind}`, value);
    else if (value !== null && typeof value === "object") collectModels(value as object, into, seen);
  }
}

const MODELS = new Map<string, ModelClass>();
collectModels(kubernetesModels, MODELS, new Set());
collectModels(istioModels, MODELS, new Set());

// How many apiVersion/kind pairs the schema packages know (a sanity check for the registry itself).
export function knownModelCount(): number {
  return MODELS.size;
}

// Problems of one object against its apiVersion/kind schema (empty = valid); no schema is a problem, not a pass.
export function validateWithModel(object: Record<string, unknown>): string[] {
  const apiVersion = object["apiVersion"];
  const kind = object["kind"];
  if (typeof apiVersion !== "string" || typeof kind !== "string") return ["apiVersion and kind must be strings"];
  if (apiVersion.includes("istio.io/") && !ISTIO_1_17_API_VERSIONS.has(apiVersion)) {
    return [`${apiVersion} is not served by Istio 1.17`];
  }
  const Model = MODELS.get(`${apiVersion}/${kind}`);
  if (!Model) return [`no schema known for ${apiVersion}/${kind}`];
  try {
    new Model(object).validate();
    return [];
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  }
}

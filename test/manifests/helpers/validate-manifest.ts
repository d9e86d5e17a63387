import { checkCanaryShape } from "./canary-shape.js";
import { validateWithModel } from "./model-registry.js";

// Problems of any shipped object: schema packages for Kubernetes/Istio, the structural check for Canary.
export function validateManifest(object: Record<string, unknown>): string[] {
  if (object["apiVersion"] === "flagger.app/v1beta1" && object["kind"] === "Canary") return checkCanaryShape(object);
  return validateWithModel(object);
}

// Where a mesh-config action renders its IstioOperator inside the run's folder.

// "istio-operator-registry-only.yaml" for REGISTRY_ONLY.
export function operatorFileName(mode: "ALLOW_ANY" | "REGISTRY_ONLY"): string {
  return `istio-operator-${mode.toLowerCase().replaceAll("_", "-")}.yaml`;
}

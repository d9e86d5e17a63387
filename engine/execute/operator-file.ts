// Where a mesh-config action renders its IstioOperator inside the run's folder.

/** What varies between the rendered operators, as the mesh-config action carries it. */
export interface OperatorFileOptions {
  pilotEnv?: Readonly<Record<string, string>>;
  accessLogFile?: string;
}

// "istio-operator-registry-only.yaml" for REGISTRY_ONLY; extra settings add suffixes
// ("-no-access-log", "-access-log", "-pilot-env") so differently configured operators never share a file.
export function operatorFileName(mode: "ALLOW_ANY" | "REGISTRY_ONLY", options: OperatorFileOptions = {}): string {
  const suffixes = [
    ...(options.accessLogFile === undefined ? [] : [options.accessLogFile === "" ? "no-access-log" : "access-log"]),
    ...(Object.keys(options.pilotEnv ?? {}).length > 0 ? ["pilot-env"] : []),
  ];
  return `istio-operator-${[mode.toLowerCase().replaceAll("_", "-"), ...suffixes].join("-")}.yaml`;
}

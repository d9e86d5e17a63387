// The Flagger Helm chart we install into istio-system, pinned by version and sha256 (facts/install.md §4).

// 1.29.0: its own e2e ran on kindest/node v1.23 (our Kubernetes minor) and it is contemporaneous with Istio 1.17.
export const FLAGGER_VERSION = "1.29.0";

// Where to fetch the chart, how to verify it, and the Helm release it becomes.
export const FLAGGER_CHART = {
  name: "flagger",
  version: FLAGGER_VERSION,
  url: `https://flagger.app/flagger-${FLAGGER_VERSION}.tgz`,
  /** The chart repository's index: its entry for this version carries the .tgz's SHA-256 (`digest`). No second
   * public source for that digest was found, so it is not pinned here: it is checked and remembered on first use. */
  indexUrl: "https://flagger.app/index.yaml",
  releaseName: "flagger",
  namespace: "istio-system",
} as const;

/** Helm values for the Flagger release. */
export interface FlaggerValues {
  meshProvider: "istio";
  metricsServer: string;
  crd: { create: false };
}

// crd.create stays false: Helm 3 installs the chart's crds/ itself, and true fails with an ownership error (flagger#1199).
export const FLAGGER_VALUES: FlaggerValues = {
  meshProvider: "istio",
  metricsServer: "http://prometheus:9090",
  crd: { create: false },
};

// The same values as `--set` arguments for helm upgrade -i.
export function flaggerSetArgs(values: FlaggerValues = FLAGGER_VALUES): string[] {
  return [
    "--set", `meshProvider=${values.meshProvider}`,
    "--set", `metricsServer=${values.metricsServer}`,
    "--set", `crd.create=${String(values.crd.create)}`,
  ];
}

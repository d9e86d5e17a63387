// The Flagger Helm chart we install into istio-system, pinned by version and sha256 (facts/install.md §4).

// 1.29.0: its own e2e ran on kindest/node v1.23 (our Kubernetes minor) and it is contemporaneous with Istio 1.17.
export const FLAGGER_VERSION = "1.29.0";

// Where to fetch the chart, how to verify it, and the Helm release it becomes.
export const FLAGGER_CHART = {
  name: "flagger",
  version: FLAGGER_VERSION,
  url: `https://flagger.app/flagger-${FLAGGER_VERSION}.tgz`,
  /** sha256 of the .tgz as published in the chart repository's index.yaml. */
  sha256: "e97d2aa032441939d81de59641abe779f207ed1cd32e17dee11e9ed905e1ad7b",
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

import type { TwinMarker } from "../../cluster/cluster-twin.js";
import type { ToolPaths } from "../../cluster/tools/tool-paths.js";

// The tools a lab run uses on the cluster twin: the twin's istioctl (built from its istio.io/istio module; Istio
// 1.17.8's cannot be downloaded there) and kubectl from PATH for printed commands; kind and helm are never
// called there (their steps are replaced), and there is no Istio release folder.
export function twinToolPaths(marker: TwinMarker): ToolPaths {
  return { kind: "kind", kubectl: "kubectl", istioctl: marker.istioctl, helm: "helm", istioDir: "" };
}

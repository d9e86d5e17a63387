// Where the pinned tools are once resolved (on PATH at the exact version, or downloaded into the cache).
export interface ToolPaths {
  kind: string;
  kubectl: string;
  istioctl: string;
  helm: string;
  /** The unpacked Istio release (istio-1.17.8/), whose samples/addons the platform applies. */
  istioDir: string;
}

/** A Deployment whose pods a check, a rollout wait or the diagnostics look at. */
export interface WorkloadRef {
  namespace: string;
  deployment: string;
}

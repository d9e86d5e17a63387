// State one lab run carries across its steps (background traffic, what was learned about the cluster).

/** A background request loop started by a `traffic` action. */
export interface TrafficHandle {
  stop(): Promise<{ sent: number; failed: number }>;
}

export interface RunState {
  labId: string;
  /** Whether the cluster can reach the internet; undefined until a check that needs it asks. */
  egress?: boolean;
  /** What the egress probe saw, named in the skip reason. */
  egressSeen?: string;
  traffic: Map<string, TrafficHandle>;
  /** Where this run writes rendered files and diagnostics. */
  workDir: string;
}

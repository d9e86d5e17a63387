/** A pinned command-line tool; the same names as the fields of ToolPaths. */
export type ToolName = "kind" | "kubectl" | "istioctl" | "helm";

// The tools in the order they are resolved and reported.
export const TOOL_NAMES: readonly ToolName[] = ["kind", "kubectl", "istioctl", "helm"];

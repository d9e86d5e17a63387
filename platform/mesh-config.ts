import type { Kube } from "../core/kube.js";

/** Istio's mesh config as installed: ConfigMap istio in istio-system, key `mesh` (YAML). */
export interface MeshConfigState {
  /** outboundTrafficPolicy.mode; Istio's default ALLOW_ANY when the key is absent. */
  outboundTrafficPolicy: string;
  /** Every other top-level setting, as JSON text, to notice any lab edit. */
  settings: Record<string, string>;
}

// Reads the installed mesh config; undefined when Istio is not installed.
export async function readMeshConfig(kube: Kube): Promise<MeshConfigState | undefined> {
  const configMap = await kube.get({ apiVersion: "v1", kind: "ConfigMap", name: "istio", namespace: "istio-system" });
  const text = (configMap?.["data"] as Record<string, string> | undefined)?.["mesh"];
  if (text === undefined) return undefined;
  const { parse } = await import("yaml");
  return meshConfigFromObject((parse(text) ?? {}) as Record<string, unknown>);
}

// The mesh state from the parsed `mesh` YAML.
export function meshConfigFromObject(mesh: Record<string, unknown>): MeshConfigState {
  const mode = (mesh["outboundTrafficPolicy"] as { mode?: unknown } | undefined)?.mode;
  const settings: Record<string, string> = {};
  for (const key of Object.keys(mesh).sort()) {
    if (key !== "outboundTrafficPolicy") settings[key] = JSON.stringify(mesh[key]);
  }
  return { outboundTrafficPolicy: typeof mode === "string" ? mode : "ALLOW_ANY", settings };
}

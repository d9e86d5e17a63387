// Reads a lab's YAML file (several documents) into Kubernetes objects, placed in a namespace the way
// `kubectl apply -n <ns> -f <file>` places them.

import { readFile } from "node:fs/promises";
import { isAbsolute, join } from "node:path";
import { failedError, usageError } from "../../../core/errors.js";
import type { KubeObject } from "../../../core/kube.js";

/** Kinds that live outside namespaces (built in, and the ones the labs meet). */
const CLUSTER_SCOPED = new Set([
  "Namespace", "Node", "PersistentVolume", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition",
  "StorageClass", "PriorityClass", "RuntimeClass", "IngressClass", "CSIDriver", "CSINode", "VolumeAttachment",
  "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration", "APIService", "CertificateSigningRequest",
  "PodSecurityPolicy", "ComponentStatus",
]);

// Whether objects of this kind are namespaced (unknown kinds are assumed to be, like most CRDs).
export function isNamespacedKind(kind: string): boolean {
  return !CLUSTER_SCOPED.has(kind);
}

// The objects of a multi-document YAML text; empty documents and `List` wrappers are flattened away.
export async function parseManifest(text: string, source: string): Promise<KubeObject[]> {
  const { parseAllDocuments } = await import("yaml");
  const objects: KubeObject[] = [];
  for (const document of parseAllDocuments(text)) {
    if (document.errors.length > 0) throw failedError(`${source} is not valid YAML: ${document.errors[0]?.message ?? ""}`);
    const value: unknown = document.toJS();
    if (value === null || value === undefined) continue;
    const items = isList(value) ? value.items : [value];
    for (const item of items) objects.push(asKubeObject(item, source));
  }
  return objects;
}

// Sets metadata.namespace on namespaced objects; a different namespace in the file is an error, as in kubectl.
export function placeInNamespace(objects: readonly KubeObject[], namespace: string | undefined, source: string): KubeObject[] {
  if (namespace === undefined) return [...objects];
  return objects.map((object) => {
    if (!isNamespacedKind(object.kind)) return object;
    const own = object.metadata.namespace;
    if (own !== undefined && own !== namespace) {
      throw failedError(`${object.kind}/${object.metadata.name} in ${source} names namespace ${own}, but the action applies it to ${namespace}.`, {
        hint: "Remove metadata.namespace from the file or the namespace from the action.",
      });
    }
    return { ...object, metadata: { ...object.metadata, namespace } };
  });
}

// Reads `file` (relative to the project root) and places its objects in `namespace`.
export async function loadManifest(projectRoot: string, file: string, namespace?: string): Promise<KubeObject[]> {
  const path = isAbsolute(file) ? file : join(projectRoot, file);
  const text = await readFile(path, "utf8").catch((error: unknown) => {
    throw usageError(`Cannot read the manifest ${file}: ${(error as Error).message}`, "Lab files are relative to the project root; is the lab definition right?");
  });
  return placeInNamespace(await parseManifest(text, file), namespace, file);
}

function isList(value: unknown): value is { items: unknown[] } {
  const record = value as { kind?: unknown; items?: unknown };
  return typeof record.kind === "string" && record.kind.endsWith("List") && Array.isArray(record.items);
}

function asKubeObject(value: unknown, source: string): KubeObject {
  const object = value as Partial<KubeObject>;
  if (typeof object.apiVersion !== "string" || typeof object.kind !== "string" || typeof object.metadata?.name !== "string") {
    throw failedError(`${source} holds a document without apiVersion, kind or metadata.name.`);
  }
  return object as KubeObject;
}

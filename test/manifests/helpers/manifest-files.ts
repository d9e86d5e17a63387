import { readdirSync, readFileSync, existsSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { parseAllDocuments } from "yaml";
import { projectRoot } from "../../../core/paths.js";

/** One YAML document of a shipped manifest file. */
export interface ManifestDoc {
  /** Path relative to the project root, e.g. "apps/catalog.yaml". */
  file: string;
  /** 0-based index of the document in its file. */
  index: number;
  object: Record<string, unknown>;
}

// The folders whose YAML the project ships (labs/** holds lab manifests next to lab.ts files).
export const MANIFEST_ROOTS = ["apps", "labs", "addons/manifests"] as const;

/** Envoy bootstrap configs (the ch3 labs mount them into an Envoy container): YAML, but not Kubernetes objects. */
export const ENVOY_CONFIG_SUFFIX = ".envoy.yaml";

// Every .yaml/.yml file under the manifest roots, relative to the project root, sorted; `envoy` lists the
// Envoy bootstrap configs (*.envoy.yaml) instead, which the Kubernetes manifest lists leave out.
export function listManifestFiles(root: string = projectRoot(), kind: "kubernetes" | "envoy" = "kubernetes"): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.ya?ml$/.test(entry) && entry.endsWith(ENVOY_CONFIG_SUFFIX) === (kind === "envoy")) found.push(relative(root, path));
    }
  };
  for (const top of MANIFEST_ROOTS) if (existsSync(join(root, top))) walk(join(root, top));
  return found.sort();
}

// Parses a multi-document YAML text; throws on syntax errors, skips empty documents.
export function parseManifestText(file: string, text: string): ManifestDoc[] {
  const docs: ManifestDoc[] = [];
  parseAllDocuments(text).forEach((doc, index) => {
    if (doc.errors.length > 0) throw new Error(`${file} document ${index}: ${doc.errors[0]!.message}`);
    const value: unknown = doc.toJS();
    if (value === null || value === undefined) return;
    if (typeof value !== "object" || Array.isArray(value)) throw new Error(`${file} document ${index}: not a mapping`);
    docs.push({ file, index, object: value as Record<string, unknown> });
  });
  return docs;
}

// All documents of all shipped manifest files.
export function loadAllManifests(root: string = projectRoot()): ManifestDoc[] {
  return listManifestFiles(root).flatMap((file) => parseManifestText(file, readFileSync(join(root, file), "utf8")));
}

// "file#index kind/name" for messages.
export function describeDoc(doc: ManifestDoc): string {
  const meta = doc.object["metadata"] as { name?: unknown } | undefined;
  return `${doc.file}#${doc.index} ${String(doc.object["kind"])}/${String(meta?.name)}`;
}

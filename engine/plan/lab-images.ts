// The container images a lab's own manifests run (from its apply actions), read when the lab is about to run.

import { readFile } from "node:fs/promises";
import { isAbsolute, join } from "node:path";
import { projectRoot } from "../../core/paths.js";
import type { LabDefinition } from "../lab-types.js";
import { parseManifest } from "../execute/actions/load-manifest.js";

interface PodSpecLike {
  containers?: { image?: string }[];
  initContainers?: { image?: string }[];
}

function podSpecOf(object: Record<string, unknown>): PodSpecLike | undefined {
  const spec = object["spec"] as { template?: { spec?: PodSpecLike } } & PodSpecLike | undefined;
  return object["kind"] === "Pod" ? spec : spec?.template?.spec;
}

// Every image in the files the lab's steps apply, once each, in first-seen order.
export async function labImages(lab: LabDefinition, root: string = projectRoot()): Promise<string[]> {
  const steps = lab.steps({ fast: false });
  const files = [...new Set(steps.flatMap((step) => step.actions.flatMap((action) => (action.kind === "apply" ? [action.file] : []))))];
  const images: string[] = [];
  for (const file of files) {
    const path = isAbsolute(file) ? file : join(root, file);
    for (const object of await parseManifest(await readFile(path, "utf8"), file)) {
      const spec = podSpecOf(object as unknown as Record<string, unknown>);
      for (const container of [...(spec?.initContainers ?? []), ...(spec?.containers ?? [])]) {
        if (container.image !== undefined && !images.includes(container.image)) images.push(container.image);
      }
    }
  }
  return images;
}

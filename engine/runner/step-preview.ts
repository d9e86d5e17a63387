import { isAbsolute, join } from "node:path";
import type { Step } from "../lab-types.js";
import type { StepPreview } from "./run-options.js";

// What step mode shows before a step: title, why, the commands and the manifest files it uses.
export function previewStep(labId: string, step: Step, index: number, total: number, commands: string[], projectRoot: string): StepPreview {
  const files = step.actions.flatMap((action) => ((action.kind === "apply" || action.kind === "delete") && action.file !== undefined ? [action.file] : []));
  const manifests = [...new Set(files)].map((file) => (isAbsolute(file) ? file : join(projectRoot, file)));
  return { labId, index: index + 1, total, title: step.title, why: step.why, commands, manifests };
}

import { readFile } from "node:fs/promises";
import { relative } from "node:path";
import { describeError } from "../../core/errors.js";
import type { StepChoice, StepPreview, StepPrompter } from "./run-options.js";

export interface StepPrompterOptions {
  /** Where the preview and manifests are printed; default stdout. */
  print?: (text: string) => void;
  /** Shown paths are relative to this folder. */
  projectRoot?: string;
}

// What a learner sees before a step: where they are, why the step matters and what it will run.
export function formatStepPreview(preview: StepPreview): string {
  const lines = [`\nStep ${preview.index}/${preview.total} of ${preview.labId}: ${preview.title}`, `  why: ${preview.why}`];
  if (preview.commands.length > 0) lines.push("  runs:", ...preview.commands.map((command) => `    $ ${command}`));
  return lines.join("\n");
}

// The YAML files a step applies, each under a header line; unreadable files say why.
export async function formatManifests(paths: readonly string[], root?: string): Promise<string> {
  const parts = await Promise.all(
    paths.map(async (path) => {
      const shown = root ? relative(root, path) : path;
      try {
        return `--- # ${shown}\n${(await readFile(path, "utf8")).trimEnd()}`;
      } catch (error) {
        return `--- # ${shown}: cannot read (${describeError(error)})`;
      }
    }),
  );
  return parts.join("\n");
}

// Step mode on a terminal (prompts, loaded lazily): run / skip / show manifest / quit before each step.
export function createStepPrompter(options: StepPrompterOptions = {}): StepPrompter {
  const print = options.print ?? ((text: string) => void process.stdout.write(text + "\n"));
  return {
    async beforeStep(preview) {
      print(formatStepPreview(preview));
      const { default: prompts } = await import("prompts");
      const choices = [
        { title: "run", value: "run" },
        { title: "skip", value: "skip" },
        ...(preview.manifests.length > 0 ? [{ title: "show manifest", value: "manifest" }] : []),
        { title: "quit", value: "quit" },
      ];
      for (;;) {
        const answer = await prompts({ type: "select", name: "choice", message: `Step ${preview.index}/${preview.total}`, choices, initial: 0 });
        const choice = answer["choice"] as StepChoice | "manifest" | undefined;
        if (choice === undefined) return "quit";
        if (choice !== "manifest") return choice;
        print(await formatManifests(preview.manifests, options.projectRoot));
      }
    },
  };
}

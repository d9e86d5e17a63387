import type { PlatformProgress } from "../../cluster/install/platform-types.js";
import type { CliIo } from "./io.js";

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)}s`;

// One line per platform step: already in place, running, or done with its time.
export function platformProgressPrinter(io: CliIo): (progress: PlatformProgress) => void {
  return (progress) => {
    switch (progress.type) {
      case "skipped":
        io.out(`  ✔ ${progress.step.title} — already in place`);
        break;
      case "running":
        io.out(`  → ${progress.step.title}…`);
        break;
      case "finished":
        io.out(`  ✔ ${progress.step.title} (${seconds(progress.ms)})`);
        break;
      case "already-at-baseline":
        io.out("  Already at baseline: nothing changed.");
        break;
      case "checking":
        break;
    }
  };
}

// Why the twin could not run: a missing Envoy, a bootstrap Envoy rejects, a stand-in that never came up.

import { LabError } from "../../../../core/errors.js";

/** The twin's own failure (never a lab's): what went wrong, what to do next, and the lower-level cause. */
export class TwinError extends LabError {
  constructor(message: string, options: { hint?: string; cause?: unknown } = {}) {
    super("environment", message, options);
    this.name = "TwinError";
  }
}

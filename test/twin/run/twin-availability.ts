// Whether the twin suite can run here: the binary built, or the reason it is not. Under CI=true a missing
// Go or a failed build is an error (the suite must fail, not skip).

import { describeError } from "../../../core/errors.js";
import type { Exec } from "../../../core/exec.js";
import { ensureTwinBinary } from "./twin-binary.js";

export type TwinAvailability = { binary: string; skipReason?: undefined } | { binary?: undefined; skipReason: string };

// Builds the twin; outside CI a failure becomes a skip reason, in CI it is thrown.
export async function detectTwin(exec: Exec, projectRoot: string, isCi: boolean): Promise<TwinAvailability> {
  try {
    return { binary: await ensureTwinBinary(exec, projectRoot) };
  } catch (error) {
    if (isCi) throw error;
    return { skipReason: `istiod twin unavailable (${describeError(error).split("\n")[0]}); set CI=true to make this a failure` };
  }
}

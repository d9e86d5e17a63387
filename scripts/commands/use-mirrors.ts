// Whether `up` (and what brings the cluster up) starts the image cache: yes unless --no-mirror or ISTIO_LAB_NO_MIRROR=1.

import { mirrorsEnabled } from "../../cluster/mirror/registry-mirrors.js";
import type { CliIo } from "../cli/io.js";

export function useMirrors(args: { noMirror?: boolean }, io: Pick<CliIo, "env">): boolean {
  return args.noMirror !== true && mirrorsEnabled(io.env);
}

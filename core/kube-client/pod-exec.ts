// `kubectl exec` over client-node's websocket: output collected, the exit code read from the V1Status.
import type * as K8s from "@kubernetes/client-node";
import type { PodExecResult } from "../kube.js";
import { collectText } from "./text-sink.js";

// Runs a command in a container over the exec websocket; the exit code comes from the V1Status.
export function execInPod(executor: K8s.Exec, namespace: string, pod: string, container: string, command: readonly string[]): Promise<PodExecResult> {
  const stdout = collectText();
  const stderr = collectText();
  let status: K8s.V1Status | undefined;
  return new Promise((resolve, reject) => {
    executor
      .exec(namespace, pod, container, [...command], stdout.stream, stderr.stream, null, false, (s) => {
        status = s;
      })
      .then((socket) => {
        socket.on("error", reject);
        socket.on("close", () => {
          stdout.stream.end();
          stderr.stream.end();
          Promise.all([stdout.finished, stderr.finished]).then(
            ([out, err]) => resolve({ stdout: out, stderr: withStatusMessage(err, status), exitCode: exitCodeOfStatus(status) }),
            reject,
          );
        });
      })
      .catch(reject);
  });
}

// Success → 0; NonZeroExitCode carries the code in details.causes[reason=ExitCode]; no status → 0 (older protocols).
export function exitCodeOfStatus(status: K8s.V1Status | undefined): number {
  if (!status || status.status === "Success") return 0;
  const cause = status.details?.causes?.find((c) => c.reason === "ExitCode");
  const code = Number.parseInt(cause?.message ?? "", 10);
  return Number.isFinite(code) ? code : 1;
}

// A Failure without an exit code (e.g. `executable file not found in $PATH`) has its reason only in the
// V1Status message: keep it with stderr, or the caller sees "exited with 1" and nothing else.
export function withStatusMessage(stderr: string, status: K8s.V1Status | undefined): string {
  if (!status || status.status === "Success" || status.reason === "NonZeroExitCode" || !status.message) return stderr;
  return stderr === "" || stderr.endsWith("\n") ? `${stderr}${status.message}` : `${stderr}\n${status.message}`;
}

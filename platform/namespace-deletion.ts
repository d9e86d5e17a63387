import { failedError, type LabError } from "../core/errors.js";
import type { Kube, KubeObject } from "../core/kube.js";
import type { PlatformDeps } from "../cluster/install/platform-types.js";
import { SNAPSHOT_KINDS } from "./snapshot-kinds.js";

interface NamespaceFields {
  spec?: { finalizers?: string[] };
  status?: { phase?: string; conditions?: Array<{ type: string; status: string; message?: string }> };
}

const POLL_MS = 1000;

// Polls until every named namespace is gone; at the deadline, says what holds each one.
export async function waitForNamespacesGone(kube: Kube, names: readonly string[], deadlineMs: number, deps: PlatformDeps): Promise<void> {
  const remaining = new Set(names);
  const deadline = deps.now() + deadlineMs;
  for (;;) {
    for (const name of [...remaining]) {
      if (!(await kube.get({ apiVersion: "v1", kind: "Namespace", name }))) remaining.delete(name);
    }
    if (remaining.size === 0) return;
    if (deps.now() >= deadline) break;
    await deps.sleep(POLL_MS, deps.signal);
    deps.signal.throwIfAborted();
  }
  throw await stuckNamespacesError(kube, [...remaining], deadlineMs);
}

// The refusal for namespaces stuck Terminating: conditions, namespace finalizers, objects with finalizers left.
export async function stuckNamespacesError(kube: Kube, names: readonly string[], waitedMs: number): Promise<LabError> {
  const lines: string[] = [];
  let example: string | undefined;
  for (const name of names) {
    const namespace = await kube.get({ apiVersion: "v1", kind: "Namespace", name });
    lines.push(`namespace ${name} is still ${(namespace as unknown as NamespaceFields | undefined)?.status?.phase ?? "Terminating"}:`);
    lines.push(...(namespace ? namespaceHolds(namespace) : []).map((l) => `    ${l}`));
    for (const held of await objectsWithFinalizers(kube, name)) {
      lines.push(`    ${held.description}`);
      example ??= held.removeCommand;
    }
  }
  const removal = example ? `remove a stale finalizer with \`${example} --context ${kube.context}\`` : "remove the stale finalizers shown above";
  return failedError(`Namespace deletion did not finish within ${Math.round(waitedMs / 1000)} s.\n${lines.join("\n")}`, {
    hint: `If the controller that owns a finalizer is gone, ${removal}; or start over with \`npm run lab -- reset --hard\`.`,
  });
}

// What the namespace itself says holds it: True conditions and its spec/metadata finalizers.
export function namespaceHolds(namespace: KubeObject): string[] {
  const fields = namespace as unknown as NamespaceFields;
  const lines = (fields.status?.conditions ?? []).filter((c) => c.status === "True" && c.message).map((c) => `${c.type}: ${c.message}`);
  const finalizers = [...(fields.spec?.finalizers ?? []), ...((namespace.metadata["finalizers"] as string[] | undefined) ?? [])];
  if (finalizers.length > 0) lines.push(`namespace finalizers: ${finalizers.join(", ")}`);
  return lines;
}

async function objectsWithFinalizers(kube: Kube, namespace: string): Promise<Array<{ description: string; removeCommand: string }>> {
  const kinds = [{ apiVersion: "v1", kind: "Pod" }, ...SNAPSHOT_KINDS.filter((k) => k.scope === "all-namespaces")];
  const found: Array<{ description: string; removeCommand: string }> = [];
  for (const kind of kinds) {
    for (const object of await kube.list({ apiVersion: kind.apiVersion, kind: kind.kind, namespace })) {
      const finalizers = (object.metadata["finalizers"] as string[] | undefined) ?? [];
      if (finalizers.length === 0) continue;
      found.push({
        description: `${kind.kind} ${namespace}/${object.metadata.name} has finalizer ${finalizers.join(", ")}`,
        removeCommand: `kubectl patch ${kind.kind.toLowerCase()} ${object.metadata.name} -n ${namespace} --type=merge -p '{"metadata":{"finalizers":null}}'`,
      });
    }
  }
  return found;
}

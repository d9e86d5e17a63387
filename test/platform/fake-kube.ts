// An in-memory Kubernetes API implementing core/kube.ts: the Kubernetes edge for platform tests.
import type { Kube, KubeObject, ListQuery, ObjectRef } from "../../core/kube.js";

const CLUSTER_SCOPED = new Set(["Namespace", "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration", "CustomResourceDefinition"]);

export interface FakeKubeOptions {
  /** Namespaces whose deletion never finishes (a finalizer nobody removes). */
  stuckNamespaces?: string[];
}

export class FakeKube implements Kube {
  readonly context = "kind-myk8s";
  readonly objects = new Map<string, KubeObject>();
  /** Every call that changes something: "apply Namespace istioinaction", "delete Gateway istio-system/x". */
  readonly mutations: string[] = [];
  private readonly stuck: Set<string>;

  constructor(initial: readonly KubeObject[] = [], options: FakeKubeOptions = {}) {
    for (const object of initial) this.put(object);
    this.stuck = new Set(options.stuckNamespaces ?? []);
  }

  put(object: KubeObject): void {
    this.objects.set(keyOf(object.kind, object.metadata.namespace, object.metadata.name), structuredClone(object));
  }

  async apply(objects: readonly KubeObject[]): Promise<void> {
    for (const object of objects) {
      this.mutations.push(`apply ${object.kind} ${label(object.metadata.namespace, object.metadata.name)}`);
      const existing = this.objects.get(keyOf(object.kind, object.metadata.namespace, object.metadata.name));
      this.put({ ...existing, ...object, metadata: { ...existing?.metadata, ...object.metadata } });
    }
  }

  async delete(ref: ObjectRef): Promise<boolean> {
    const key = keyOf(ref.kind, ref.namespace, ref.name);
    const existing = this.objects.get(key);
    if (!existing) return false;
    this.mutations.push(`delete ${ref.kind} ${label(ref.namespace, ref.name)}`);
    if (ref.kind === "Namespace" && this.stuck.has(ref.name)) {
      existing.metadata["deletionTimestamp"] = "2024-01-01T00:00:00Z";
      existing["status"] = {
        phase: "Terminating",
        conditions: [
          { type: "NamespaceContentRemaining", status: "True", message: "Some resources are remaining: canaries.flagger.app has 1 resource instances" },
          { type: "NamespaceFinalizersRemaining", status: "True", message: "Some content in the namespace has finalizers remaining: finalizers.flagger.app in 1 resource instances" },
        ],
      };
      return true;
    }
    this.objects.delete(key);
    if (ref.kind === "Namespace") {
      for (const [k, o] of this.objects) if (o.metadata.namespace === ref.name) this.objects.delete(k);
    }
    return true;
  }

  async get(ref: ObjectRef): Promise<KubeObject | undefined> {
    const found = this.objects.get(keyOf(ref.kind, ref.namespace, ref.name));
    return found ? structuredClone(found) : undefined;
  }

  async list(query: ListQuery): Promise<KubeObject[]> {
    const selector = parseSelector(query.labelSelector);
    return [...this.objects.values()]
      .filter((o) => o.kind === query.kind)
      .filter((o) => query.namespace === undefined || o.metadata.namespace === query.namespace)
      .filter((o) => Object.entries(selector).every(([k, v]) => o.metadata.labels?.[k] === v))
      .map((o) => structuredClone(o));
  }

  async watch(query: ListQuery, onEvent: (type: string, object: KubeObject) => boolean, signal: AbortSignal): Promise<void> {
    for (const object of await this.list(query)) if (onEvent("ADDED", object)) return;
    if (signal.aborted) return;
    await new Promise<void>((resolve) => signal.addEventListener("abort", () => resolve(), { once: true }));
  }

  async logs(): Promise<string> {
    throw new Error("FakeKube.logs is not used by the platform");
  }

  async exec(): Promise<never> {
    throw new Error("FakeKube.exec is not used by the platform");
  }
}

function keyOf(kind: string, namespace: string | undefined, name: string): string {
  return CLUSTER_SCOPED.has(kind) ? `${kind}//${name}` : `${kind}/${namespace ?? "default"}/${name}`;
}

function label(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

function parseSelector(selector: string | undefined): Record<string, string> {
  const pairs = (selector ?? "").split(",").filter((p) => p.includes("="));
  return Object.fromEntries(pairs.map((p) => p.split("=") as [string, string]));
}

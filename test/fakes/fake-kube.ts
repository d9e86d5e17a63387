// The Kubernetes API edge, faked in memory for every suite: objects keyed by API group, kind, namespace and name
// (any version of a group serves the same object, as the API server does), increasing resourceVersions, watches
// that see ADDED for existing objects and every later change, namespace deletion that takes the namespace's
// objects along (or never finishes, for a stuck namespace), and logs and pod exec answered by hooks.

import type { Kube, KubeObject, ListQuery, ObjectRef, PodExecResult } from "../../core/kube.js";

type LogsHook = (namespace: string, pod: string, container: string, options?: { sinceTime?: Date; tailLines?: number }) => string;
type ExecHook = (namespace: string, pod: string, container: string, command: readonly string[]) => PodExecResult;

export interface FakeKubeOptions {
  /** Objects the API server holds from the start. */
  objects?: readonly KubeObject[];
  /** Namespaces whose deletion never finishes (a finalizer nobody removes). */
  stuckNamespaces?: readonly string[];
  logs?: LogsHook;
  exec?: ExecHook;
  context?: string;
}

type Watcher = { query: ListQuery; onEvent: (type: string, object: KubeObject) => boolean; done: () => void };

const CLUSTER_SCOPED = new Set(["Namespace", "Node", "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration", "CustomResourceDefinition", "ClusterRole", "ClusterRoleBinding"]);

function groupOf(apiVersion: string): string {
  return apiVersion.includes("/") ? apiVersion.split("/")[0]! : "";
}

function keyOf(ref: { apiVersion: string; kind: string; namespace?: string | undefined; name: string }): string {
  const namespace = CLUSTER_SCOPED.has(ref.kind) ? "" : (ref.namespace ?? "default");
  return `${groupOf(ref.apiVersion)}/${ref.kind}/${namespace}/${ref.name}`;
}

function keyOfObject(object: KubeObject): string {
  return keyOf({ ...object.metadata, apiVersion: object.apiVersion, kind: object.kind });
}

function matchesQuery(object: KubeObject, query: ListQuery): boolean {
  if (groupOf(object.apiVersion) !== groupOf(query.apiVersion) || object.kind !== query.kind) return false;
  if (query.namespace !== undefined && object.metadata.namespace !== query.namespace) return false;
  const pairs = (query.labelSelector ?? "").split(",").filter((pair) => pair.includes("="));
  const labels = object.metadata.labels ?? {};
  return pairs.every((pair) => {
    const [key, value] = pair.split("=");
    return key !== undefined && labels[key] === value;
  });
}

function label(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

// The in-memory API server. `new FakeKube(objects, options)` is short for `new FakeKube({ ...options, objects })`.
export class FakeKube implements Kube {
  readonly context: string;
  readonly applied: KubeObject[] = [];
  readonly deleted: ObjectRef[] = [];
  /** Every call that changes something: "apply Namespace istioinaction", "delete Gateway istio-system/x". */
  readonly mutations: string[] = [];
  readonly execs: Array<{ namespace: string; pod: string; container: string; command: readonly string[] }> = [];
  readonly lists: ListQuery[] = [];
  /** Runs before each pod exec is answered (the "cluster" changing); may throw to fail the exec. */
  onExec: (command: readonly string[]) => void = () => {};
  private readonly objects = new Map<string, KubeObject>();
  private readonly watchers = new Set<Watcher>();
  private readonly stuck: Set<string>;
  private readonly hooks: Pick<FakeKubeOptions, "logs" | "exec">;
  private version = 100;

  constructor(init: FakeKubeOptions | readonly KubeObject[] = {}, more: FakeKubeOptions = {}) {
    const options: FakeKubeOptions = Array.isArray(init) ? { ...more, objects: init } : { ...(init as FakeKubeOptions), ...more };
    this.context = options.context ?? "kind-myk8s";
    this.stuck = new Set(options.stuckNamespaces ?? []);
    this.hooks = { ...(options.logs ? { logs: options.logs } : {}), ...(options.exec ? { exec: options.exec } : {}) };
    for (const object of options.objects ?? []) this.put(object);
  }

  // Test helper: store an object as the API server would (new resourceVersion, watchers told).
  put(object: KubeObject): void {
    const key = keyOfObject(object);
    const type = this.objects.has(key) ? "MODIFIED" : "ADDED";
    this.version += 1;
    const stored = structuredClone({ ...object, metadata: { ...object.metadata, resourceVersion: String(this.version) } });
    this.objects.set(key, stored);
    this.emit(type, stored);
  }

  watcherCount(): number {
    return this.watchers.size;
  }

  /** The pod execs as "namespace/pod/container: command". */
  get execLines(): string[] {
    return this.execs.map((e) => `${e.namespace}/${e.pod}/${e.container}: ${e.command.join(" ")}`);
  }

  async apply(objects: readonly KubeObject[]): Promise<void> {
    for (const object of objects) {
      this.applied.push(structuredClone(object));
      this.mutations.push(`apply ${object.kind} ${label(object.metadata.namespace, object.metadata.name)}`);
      const existing = this.objects.get(keyOfObject(object));
      // Server-side apply keeps what the applier does not name (status, other fields, labels).
      this.put({ ...existing, ...object, metadata: { ...existing?.metadata, ...object.metadata } });
    }
  }

  async delete(ref: ObjectRef): Promise<boolean> {
    const key = keyOf(ref);
    const existing = this.objects.get(key);
    if (existing === undefined) return false;
    this.deleted.push(ref);
    this.mutations.push(`delete ${ref.kind} ${label(ref.namespace, ref.name)}`);
    if (ref.kind === "Namespace" && this.stuck.has(ref.name)) {
      this.put(terminating(existing));
      return true;
    }
    this.objects.delete(key);
    this.emit("DELETED", existing);
    if (ref.kind === "Namespace") {
      for (const [k, o] of this.objects) if (o.metadata.namespace === ref.name) this.objects.delete(k);
    }
    return true;
  }

  async get(ref: ObjectRef): Promise<KubeObject | undefined> {
    const object = this.objects.get(keyOf(ref));
    return object === undefined ? undefined : structuredClone(object);
  }

  async list(query: ListQuery): Promise<KubeObject[]> {
    this.lists.push(query);
    return [...this.objects.values()].filter((object) => matchesQuery(object, query)).map((object) => structuredClone(object));
  }

  watch(query: ListQuery, onEvent: (type: string, object: KubeObject) => boolean, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const watcher: Watcher = { query, onEvent, done: () => this.watchers.delete(watcher) && resolve() };
      if (signal.aborted) return resolve();
      signal.addEventListener("abort", () => {
        this.watchers.delete(watcher);
        resolve();
      }, { once: true });
      for (const object of this.objects.values()) {
        if (matchesQuery(object, query) && onEvent("ADDED", structuredClone(object))) return resolve();
      }
      this.watchers.add(watcher);
    });
  }

  async logs(namespace: string, pod: string, container: string, options?: { sinceTime?: Date; tailLines?: number }): Promise<string> {
    if (this.hooks.logs === undefined) throw new Error(`no logs for ${namespace}/${pod} -c ${container}`);
    return this.hooks.logs(namespace, pod, container, options);
  }

  async exec(namespace: string, pod: string, container: string, command: readonly string[]): Promise<PodExecResult> {
    this.execs.push({ namespace, pod, container, command });
    this.onExec(command);
    if (this.hooks.exec === undefined) throw new Error("exec not faked");
    return this.hooks.exec(namespace, pod, container, command);
  }

  private emit(type: string, object: KubeObject): void {
    for (const watcher of [...this.watchers]) {
      if (matchesQuery(object, watcher.query) && watcher.onEvent(type, structuredClone(object))) watcher.done();
    }
  }
}

// A namespace a finalizer holds in Terminating, as `kubectl get ns -o yaml` shows it.
function terminating(namespace: KubeObject): KubeObject {
  return {
    ...namespace,
    metadata: { ...namespace.metadata, deletionTimestamp: "2024-01-01T00:00:00Z" },
    status: {
      phase: "Terminating",
      conditions: [
        { type: "NamespaceContentRemaining", status: "True", message: "Some resources are remaining: canaries.flagger.app has 1 resource instances" },
        { type: "NamespaceFinalizersRemaining", status: "True", message: "Some content in the namespace has finalizers remaining: finalizers.flagger.app in 1 resource instances" },
      ],
    },
  };
}

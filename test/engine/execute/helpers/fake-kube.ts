// The Kubernetes API edge, faked in memory: objects by apiVersion/kind/namespace/name, increasing
// resourceVersions, and watches that see ADDED for existing objects and every later change.

import type { Kube, KubeObject, ListQuery, ObjectRef, PodExecResult } from "../../../../core/kube.js";

type Watcher = { query: ListQuery; onEvent: (type: string, object: KubeObject) => boolean; done: () => void };

// Answers for the parts of the API that are not objects: logs and exec.
export interface FakeKubeHooks {
  logs?: (namespace: string, pod: string, container: string, options?: { sinceTime?: Date; tailLines?: number }) => string;
  exec?: (namespace: string, pod: string, container: string, command: readonly string[]) => PodExecResult;
}

function keyOf(ref: { apiVersion: string; kind: string; namespace?: string | undefined; name: string }): string {
  return `${ref.apiVersion}/${ref.kind}/${ref.namespace ?? ""}/${ref.name}`;
}

function matchesQuery(object: KubeObject, query: ListQuery): boolean {
  if (object.apiVersion !== query.apiVersion || object.kind !== query.kind) return false;
  if (query.namespace !== undefined && object.metadata.namespace !== query.namespace) return false;
  if (query.labelSelector === undefined || query.labelSelector === "") return true;
  const labels = object.metadata.labels ?? {};
  return query.labelSelector.split(",").every((pair) => {
    const [key, value] = pair.split("=");
    return key !== undefined && labels[key] === value;
  });
}

// The in-memory API server.
export class FakeKube implements Kube {
  readonly context = "kind-myk8s";
  readonly applied: KubeObject[] = [];
  readonly deleted: ObjectRef[] = [];
  readonly execs: Array<{ namespace: string; pod: string; container: string; command: readonly string[] }> = [];
  private readonly objects = new Map<string, KubeObject>();
  private readonly watchers = new Set<Watcher>();
  private version = 100;

  constructor(private readonly hooks: FakeKubeHooks = {}) {}

  // Test helper: store an object as the API server would (new resourceVersion, watchers told).
  put(object: KubeObject): void {
    const key = keyOf({ ...object.metadata, apiVersion: object.apiVersion, kind: object.kind });
    const type = this.objects.has(key) ? "MODIFIED" : "ADDED";
    this.version += 1;
    const stored = structuredClone({ ...object, metadata: { ...object.metadata, resourceVersion: String(this.version) } });
    this.objects.set(key, stored);
    this.emit(type, stored);
  }

  watcherCount(): number {
    return this.watchers.size;
  }

  async apply(objects: readonly KubeObject[]): Promise<void> {
    for (const object of objects) {
      this.applied.push(structuredClone(object));
      const existing = this.objects.get(keyOf({ ...object.metadata, apiVersion: object.apiVersion, kind: object.kind }));
      const status = existing?.["status"];
      this.put(status !== undefined && object["status"] === undefined ? { ...object, status } : object);
    }
  }

  async delete(ref: ObjectRef): Promise<boolean> {
    const key = keyOf(ref);
    const existing = this.objects.get(key);
    if (existing === undefined) return false;
    this.deleted.push(ref);
    this.objects.delete(key);
    this.emit("DELETED", existing);
    return true;
  }

  async get(ref: ObjectRef): Promise<KubeObject | undefined> {
    const object = this.objects.get(keyOf(ref));
    return object === undefined ? undefined : structuredClone(object);
  }

  async list(query: ListQuery): Promise<KubeObject[]> {
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
    if (this.hooks.exec === undefined) throw new Error("exec not faked");
    return this.hooks.exec(namespace, pod, container, command);
  }

  private emit(type: string, object: KubeObject): void {
    for (const watcher of [...this.watchers]) {
      if (matchesQuery(object, watcher.query) && watcher.onEvent(type, structuredClone(object))) watcher.done();
    }
  }
}

// The Kubernetes API edge: everything the project asks of a cluster goes through this interface.
// The real implementation (client-node) lives in kube-client/ and is imported only when a cluster is used.

export interface KubeMetadata {
  name: string;
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  [key: string]: unknown;
}

export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: KubeMetadata;
  [key: string]: unknown;
}

export interface ObjectRef {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
}

export interface ListQuery {
  apiVersion: string;
  kind: string;
  namespace?: string;
  labelSelector?: string;
}

export interface PodExecResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface Kube {
  /** The kube context every call goes to. */
  readonly context: string;
  /** Server-side apply with our field manager; creates or updates. */
  apply(objects: readonly KubeObject[]): Promise<void>;
  /** Deletes; resolves false when it was already gone. */
  delete(ref: ObjectRef): Promise<boolean>;
  get(ref: ObjectRef): Promise<KubeObject | undefined>;
  list(query: ListQuery): Promise<KubeObject[]>;
  /** Calls onEvent for each object change until it returns true or the signal aborts. */
  watch(query: ListQuery, onEvent: (type: string, object: KubeObject) => boolean, signal: AbortSignal): Promise<void>;
  logs(namespace: string, pod: string, container: string, options?: { sinceTime?: Date; tailLines?: number }): Promise<string>;
  exec(namespace: string, pod: string, container: string, command: readonly string[]): Promise<PodExecResult>;
}

// The reference (apiVersion, kind, name, namespace) that addresses an object.
export function refOf(object: KubeObject): ObjectRef {
  const ref: ObjectRef = { apiVersion: object.apiVersion, kind: object.kind, name: object.metadata.name };
  if (object.metadata.namespace !== undefined) ref.namespace = object.metadata.namespace;
  return ref;
}

// `deployment/webapp -n istioinaction`: an object as kubectl arguments, for messages.
export function describeRef(ref: ObjectRef): string {
  const where = ref.namespace ? ` -n ${ref.namespace}` : "";
  return `${ref.kind.toLowerCase()}/${ref.name}${where}`;
}

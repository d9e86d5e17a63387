// The real Kubernetes API edge: core/kube.ts on @kubernetes/client-node v2, loaded only when a cluster is used.
import { Writable } from "node:stream";
import type * as K8s from "@kubernetes/client-node";
import { environmentError, failedError, isLabError, type LabError } from "./errors.js";
import type { Kube, KubeObject, ListQuery, ObjectRef, PodExecResult } from "./kube.js";
import { describeRef, refOf } from "./kube.js";

/** The field manager of every server-side apply this project makes. */
export const FIELD_MANAGER = "istio-lab";
const WATCH_RESTART_MS = 250;

type ClientNode = typeof K8s;

// A client for exactly `context` from the default kubeconfig (never the current-context).
export async function createKube(context: string): Promise<Kube> {
  const k8s = await import("@kubernetes/client-node");
  const kc = new k8s.KubeConfig();
  kc.loadFromDefault();
  if (!kc.getContextObject(context)) {
    throw environmentError(`There is no context ${context} in your kubeconfig.`, {
      hint: "Create the lab cluster with `npm run lab up` (it adds the context), or name another one with --context.",
    });
  }
  kc.setCurrentContext(context);
  const api = kc.makeApiClient(defineObjectApi(k8s));
  const fail = (error: unknown, what: string) => translateError(error, context, what);

  return {
    context,
    async apply(objects) {
      for (const object of objects) {
        await api.serverSideApply(object).catch((e) => {
          throw fail(e, `apply ${describeRef(refOf(object))}`);
        });
      }
    },
    async delete(ref) {
      try {
        await api.delete(headerOf(ref));
        return true;
      } catch (error) {
        if (isNotFound(error)) return false;
        throw fail(error, `delete ${describeRef(ref)}`);
      }
    },
    async get(ref) {
      try {
        return toPlain(await api.read(headerOf(ref)));
      } catch (error) {
        if (isNotFound(error)) return undefined;
        throw fail(error, `get ${describeRef(ref)}`);
      }
    },
    async list(query) {
      try {
        const list = await api.list(query.apiVersion, query.kind, query.namespace, undefined, undefined, undefined, undefined, query.labelSelector);
        return list.items.map((item) => ({ ...toPlain(item), apiVersion: query.apiVersion, kind: query.kind }));
      } catch (error) {
        if (isNotFound(error)) return [];
        throw fail(error, `list ${describeQuery(query)}`);
      }
    },
    async watch(query, onEvent, signal) {
      const path = await api.collectionPath(query.apiVersion, query.kind, query.namespace).catch((e) => {
        throw fail(e, `watch ${describeQuery(query)}`);
      });
      const watcher = new k8s.Watch(kc);
      const params = { labelSelector: query.labelSelector, allowWatchBookmarks: false };
      while (!signal.aborted) {
        const done = await watchOnce(watcher, path, params, onEvent, signal).catch((e) => {
          throw fail(e, `watch ${describeQuery(query)}`);
        });
        if (done) return;
        await pause(WATCH_RESTART_MS, signal);
      }
    },
    async logs(namespace, pod, container, options = {}) {
      const sink = collectText();
      const logOptions: K8s.LogOptions = { follow: false };
      if (options.sinceTime) logOptions.sinceTime = options.sinceTime.toISOString().replace(/\.\d+Z$/, "Z");
      if (options.tailLines !== undefined) logOptions.tailLines = options.tailLines;
      try {
        await new k8s.Log(kc).log(namespace, pod, container, sink.stream, logOptions);
        return await sink.finished;
      } catch (error) {
        throw fail(error, `logs ${namespace}/${pod} -c ${container}`);
      }
    },
    async exec(namespace, pod, container, command) {
      return await execInPod(new k8s.Exec(kc), namespace, pod, container, command).catch((e) => {
        throw fail(e, `exec in ${namespace}/${pod} -c ${container}`);
      });
    },
  };
}

// KubernetesObjectApi plus: the collection path of a kind (same discovery), which a watch needs; and a
// server-side apply that sends the object as given. The stock patch() first runs built-in kinds through the
// typed models, which silently drops fields they do not know (a CRD's x-kubernetes-* schema keys, for one).
function defineObjectApi(k8s: ClientNode) {
  return class LabObjectApi extends k8s.KubernetesObjectApi {
    collectionPath(apiVersion: string, kind: string, namespace?: string): Promise<string> {
      const metadata = namespace === undefined ? {} : { namespace };
      return this.specUriPath({ apiVersion, kind, metadata }, "list");
    }

    async serverSideApply(object: KubeObject): Promise<void> {
      const header = { apiVersion: object.apiVersion, kind: object.kind, metadata: { ...refMetadata(object) } };
      const request = this.configuration.baseServer.makeRequestContext(await this.specUriPath(header, "patch"), k8s.HttpMethod.PATCH);
      request.setHeaderParam("Accept", "application/json, */*;q=0.8");
      request.setHeaderParam("Content-Type", k8s.PatchStrategy.ServerSideApply);
      request.setQueryParam("fieldManager", FIELD_MANAGER);
      request.setQueryParam("force", "true");
      request.setBody(JSON.stringify(object));
      await this.requestPromise(request);
    }
  };
}

function refMetadata(object: KubeObject): { name: string; namespace?: string } {
  return object.metadata.namespace === undefined ? { name: object.metadata.name } : { name: object.metadata.name, namespace: object.metadata.namespace };
}

// One watch request; true when onEvent said the wait is over, false when the stream ended or the signal aborted.
function watchOnce(
  watcher: K8s.Watch,
  path: string,
  params: Record<string, string | boolean | undefined>,
  onEvent: (type: string, object: KubeObject) => boolean,
  signal: AbortSignal,
): Promise<boolean> {
  return new Promise((resolve, reject) => {
    let controller: AbortController | undefined;
    let satisfied = false;
    let failure: unknown;
    const stop = () => controller?.abort();
    signal.addEventListener("abort", stop, { once: true });
    const onObject = (type: string, object: KubeObject) => {
      if (satisfied || failure !== undefined) return;
      if (type === "BOOKMARK") return;
      if (type === "ERROR") return stop(); // e.g. 410 Gone: start a fresh watch
      try {
        satisfied = onEvent(type, object);
      } catch (error) {
        failure = error;
      }
      if (satisfied || failure !== undefined) stop();
    };
    const onDone = (error: unknown) => {
      signal.removeEventListener("abort", stop);
      if (failure !== undefined) return reject(failure);
      if (satisfied || signal.aborted) return resolve(satisfied);
      if (error && !isAbortLike(error)) return reject(error);
      resolve(false);
    };
    watcher
      .watch(path, params, onObject, onDone)
      .then((c) => {
        controller = c;
        if (satisfied || signal.aborted || failure !== undefined) c.abort();
      })
      .catch((error: unknown) => onDone(error ?? new Error("watch failed")));
  });
}

// Runs a command in a container over the exec websocket; the exit code comes from the V1Status.
function execInPod(executor: K8s.Exec, namespace: string, pod: string, container: string, command: readonly string[]): Promise<PodExecResult> {
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

function collectText(): { stream: Writable; finished: Promise<string> } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
      callback();
    },
  });
  const finished = new Promise<string>((resolve, reject) => {
    stream.on("finish", () => resolve(Buffer.concat(chunks).toString("utf8")));
    stream.on("error", reject);
  });
  return { stream, finished };
}

// Plain JSON (ISO date strings, no model classes), as the API server sent it.
function toPlain(value: unknown): KubeObject {
  return JSON.parse(JSON.stringify(value)) as KubeObject;
}

function headerOf(ref: ObjectRef): K8s.KubernetesObject & { metadata: { name: string } } {
  const metadata: { name: string; namespace?: string } = { name: ref.name };
  if (ref.namespace !== undefined) metadata.namespace = ref.namespace;
  return { apiVersion: ref.apiVersion, kind: ref.kind, metadata };
}

function describeQuery(query: ListQuery): string {
  const where = query.namespace ? ` -n ${query.namespace}` : " -A";
  const selector = query.labelSelector ? ` -l ${query.labelSelector}` : "";
  return `${query.kind.toLowerCase()}${where}${selector}`;
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}

// 404 from the API, or a kind discovery does not know (its CRD is not installed): "not there".
export function isNotFound(error: unknown): boolean {
  const code = (error as { code?: unknown; statusCode?: unknown } | undefined)?.code ?? (error as { statusCode?: unknown } | undefined)?.statusCode;
  if (code === 404) return true;
  return error instanceof Error && error.message.startsWith("Unrecognized API version and kind");
}

function isAbortLike(error: unknown): boolean {
  const name = (error as { name?: string } | undefined)?.name;
  return name === "AbortError" || name === "TimeoutError";
}

// Turns client-node failures into a sentence: the API does not answer, or it refused what we asked.
export function translateError(error: unknown, context: string, what: string): LabError {
  if (isLabError(error)) return error;
  if (isConnectionRefused(error)) {
    return environmentError(`The Kubernetes API of ${context} does not answer (connection refused).`, {
      hint: "Run `npm run lab status` to see the cluster's state; `npm run lab up` starts or repairs it.",
      cause: error,
    });
  }
  // ApiException carries `code`; a refused watch (client-node's Watch) carries `statusCode`.
  const code = (error as { code?: unknown }).code ?? (error as { statusCode?: unknown }).statusCode;
  const detail = apiMessage(error);
  if (typeof code === "number") return failedError(`Kubernetes API refused to ${what} (HTTP ${code}): ${detail}`, { cause: error });
  return failedError(`Could not ${what} on ${context}: ${detail}`, { cause: error });
}

function isConnectionRefused(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 6; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (code === "ECONNREFUSED" || (typeof message === "string" && message.includes("ECONNREFUSED"))) return true;
    const errors = (e as { errors?: unknown }).errors;
    if (Array.isArray(errors) && errors.some((inner) => isConnectionRefused(inner))) return true;
  }
  return false;
}

// The API server's own Status.message when there is one, else the error's first line.
function apiMessage(error: unknown): string {
  const body = (error as { body?: unknown }).body;
  const parsed = typeof body === "string" ? safeParse(body) : body;
  const message = (parsed as { message?: unknown } | undefined)?.message;
  if (typeof message === "string" && message !== "") return message;
  const first = error instanceof Error ? (error.message.split("\n")[0] ?? error.message) : String(error);
  const root = rootCauseMessage(error);
  return root === undefined || first.includes(root) ? first : `${first} (${root})`;
}

// The innermost cause's message: undici says only "fetch failed" and keeps the reason (reset, TLS) in `cause`.
function rootCauseMessage(error: unknown): string | undefined {
  let found: string | undefined;
  for (let e = (error as { cause?: unknown } | undefined)?.cause, depth = 0; e && depth < 6; e = (e as { cause?: unknown }).cause, depth++) {
    const message = (e as { message?: unknown }).message;
    if (typeof message === "string" && message !== "") found = message.split("\n")[0];
  }
  return found;
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

// The real Kubernetes API edge: core/kube.ts on @kubernetes/client-node v2, loaded only when a cluster is used.
import type * as K8s from "@kubernetes/client-node";
import { environmentError } from "../errors.js";
import type { Kube } from "../kube.js";
import { describeRef, refOf } from "../kube.js";
import { describeQuery, isNotFound, translateError } from "./api-errors.js";
import { defineObjectApi, headerOf, toPlain } from "./object-api.js";
import { execInPod } from "./pod-exec.js";
import { collectText } from "./text-sink.js";
import { pause, watchOnce } from "./watch-loop.js";

const WATCH_RESTART_MS = 250;

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

// Deep replacement of exact values in manifest objects, for the broken-manifest tests: a copy of a lab's
// own file with one value wrong, as a person might mistype it.

import type { KubeObject } from "../../../core/kube.js";

function replaceIn(value: unknown, from: string | number, to: string | number, count: { n: number }): unknown {
  if (value === from) {
    count.n += 1;
    return to;
  }
  if (Array.isArray(value)) return value.map((item) => replaceIn(item, from, to, count));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, replaceIn(item, from, to, count)]));
  }
  return value;
}

/** One mistake: in `file`, every value equal to `from` becomes `to`. */
export interface ValueMutation {
  file: string;
  from: string | number;
  to: string | number;
}

// A ReplayContext.mutate hook applying the mutations; throws if a mutation matched nothing (a stale test).
export function mutateValues(mutations: readonly ValueMutation[]): (file: string, objects: KubeObject[]) => KubeObject[] {
  return (file, objects) =>
    mutations.filter((mutation) => mutation.file === file).reduce((current, mutation) => {
      const count = { n: 0 };
      const changed = current.map((object) => replaceIn(object, mutation.from, mutation.to, count) as KubeObject);
      if (count.n === 0) throw new Error(`${mutation.file} holds no value ${JSON.stringify(mutation.from)} to mutate`);
      return changed;
    }, objects);
}

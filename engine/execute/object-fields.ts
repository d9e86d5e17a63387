// Text of fields of a Kubernetes object, read with the checks' JSON path (`$.status.phase`, `.status.canaryWeight`).

import { selectJsonPath, stringifyJsonValue } from "../checks/json-path.js";

// The field as a matcher sees it (strings bare, anything else as JSON), or undefined with the reason it is missing.
export function readField(object: unknown, path: string): { text: string } | { missing: string } {
  const selected = selectJsonPath(object, path);
  return selected.found ? { text: stringifyJsonValue(selected.value) } : { missing: selected.reason };
}

// One observed state: the fields' texts joined with a space (missing fields are left out), e.g. "Progressing 30".
export function stateOf(object: unknown, fields: readonly string[]): string {
  return fields
    .map((path) => readField(object, path))
    .map((field) => ("text" in field ? field.text : ""))
    .filter((text) => text !== "")
    .join(" ");
}

// `$.status.phase` as kubectl's jsonpath template `{.status.phase}`.
export function kubectlJsonPath(path: string): string {
  const body = path.trim().replace(/^\$/, "");
  return `{${body.startsWith(".") || body.startsWith("[") ? body : `.${body}`}}`;
}

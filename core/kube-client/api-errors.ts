// What client-node's failures mean for a person: not there, the API does not answer, or it refused.
import { environmentError, failedError, isLabError, type LabError } from "../errors.js";
import type { ListQuery } from "../kube.js";

// 404 from the API, or a kind discovery does not know (its CRD is not installed): "not there".
export function isNotFound(error: unknown): boolean {
  if (statusCodeOf(error) === 404) return true;
  return error instanceof Error && error.message.startsWith("Unrecognized API version and kind");
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
  const code = statusCodeOf(error);
  const detail = apiMessage(error);
  if (typeof code === "number") return failedError(`Kubernetes API refused to ${what} (HTTP ${code}): ${detail}`, { cause: error });
  return failedError(`Could not ${what} on ${context}: ${detail}`, { cause: error });
}

// `pod -n ns -l app=x` (or ` -A` for every namespace): a query as kubectl arguments, for messages.
export function describeQuery(query: ListQuery): string {
  const where = query.namespace ? ` -n ${query.namespace}` : " -A";
  const selector = query.labelSelector ? ` -l ${query.labelSelector}` : "";
  return `${query.kind.toLowerCase()}${where}${selector}`;
}

// ApiException carries `code`; a refused watch (client-node's Watch) carries `statusCode`.
function statusCodeOf(error: unknown): unknown {
  const fields = error as { code?: unknown; statusCode?: unknown } | undefined;
  return fields?.code ?? fields?.statusCode;
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
  const body = (error as { body?: unknown } | undefined)?.body;
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

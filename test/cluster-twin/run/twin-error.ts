// A cluster twin failure: what went wrong and what to do about it.

export class ClusterTwinError extends Error {
  readonly hint: string;
  constructor(message: string, options: { hint: string; cause?: unknown }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "ClusterTwinError";
    this.hint = options.hint;
  }
}

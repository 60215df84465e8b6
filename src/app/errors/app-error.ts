// The base of the App's errors. Expected outcomes (no project file, invalid settings) are values;
// these are for what the App cannot handle, and they carry the HTTP status the webhook answers with.
import { redact } from "./redact.ts";

export class AppError extends Error {
  override name = "AppError";
  /** The status the webhook endpoint answers with when this error ends a delivery. */
  readonly status: number;

  constructor(message: string, options: { status?: number; cause?: unknown } = {}) {
    super(redact(message), options.cause === undefined ? undefined : { cause: options.cause });
    this.status = options.status ?? 500;
  }
}

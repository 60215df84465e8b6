import { AppError } from "./app-error.ts";

/** A signed delivery whose payload lacks what its event must carry. Answered with 400; nothing is written. */
export class PayloadError extends AppError {
  override name = "PayloadError";

  constructor(event: string, problem: string, options: { cause?: unknown } = {}) {
    super(`The ${event} payload is malformed: ${problem}`, { status: 400, cause: options.cause });
  }
}

// Planning (implementation follows).
import type { PlanOutcome, PlanRequest } from "./types.ts";

export async function planRun(_request: PlanRequest): Promise<PlanOutcome> {
  throw new Error("planRun is not implemented yet");
}

// Stored rows in the RAP API's wire format (spec/backend.md §3.2).
import type { BackendStatus, RapJob } from "../../rap/index.ts";
import type { BackendRow, JobRow } from "../store/rows.ts";

const iso = (ms: number): string => new Date(ms).toISOString();
const isoOrNull = (ms: number | null): string | null => (ms === null ? null : iso(ms));
/** Flag times as the controller writes them: microseconds, `Z`. */
const flagTime = (ms: number | null): string | null => (ms === null ? null : iso(ms).replace(/Z$/, "000Z"));

export function jobToApi(row: JobRow): RapJob {
  return {
    identifier: row.id,
    rap_id: row.rap_id,
    backend: row.backend,
    action: row.action,
    run_command: row.run_command,
    status: row.state,
    status_code: row.status_code,
    status_message: row.status_message,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
    started_at: isoOrNull(row.started_at),
    completed_at: isoOrNull(row.completed_at),
    trace_context:
      row.trace_context === null ? null : (JSON.parse(row.trace_context) as Record<string, string>),
    metrics: JSON.parse(row.metrics) as Record<string, unknown>,
    requires_db: row.requires_db !== 0,
  };
}

export function backendToApi(slug: string, row: BackendRow | undefined): BackendStatus {
  return {
    slug,
    name: slug,
    last_seen: flagTime(row?.last_seen ?? null),
    paused: { status: row?.paused ? "on" : "off", since: flagTime(row?.paused_since ?? null) },
    // The reference backend has no database, so it is never in database maintenance.
    db_maintenance: { status: "off", since: null, type: null },
  };
}

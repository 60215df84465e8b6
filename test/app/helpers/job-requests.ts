// Job requests for store, service and page tests: a temp folder with a real SQLite file, and new
// requests with every field filled in.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openAppDatabase } from "../../../src/app/job-requests/database.ts";
import { newJobRequestId } from "../../../src/app/job-requests/job-request.ts";
import { JobRequestStore, type NewJobRequest } from "../../../src/app/job-requests/store.ts";

export interface TempStore {
  readonly dir: string;
  readonly path: string;
  store: JobRequestStore;
  /** Closes and opens the database again, as a restarted App would. */
  reopen(now?: () => number): JobRequestStore;
  close(): void;
}

export function tempStore(now?: () => number): TempStore {
  const dir = mkdtempSync(join(tmpdir(), "trestle-app-store-"));
  const path = join(dir, "app.db");
  const temp: TempStore = {
    dir,
    path,
    store: new JobRequestStore(openAppDatabase(path), now),
    reopen(later) {
      temp.store.db.close();
      temp.store = new JobRequestStore(openAppDatabase(path), later ?? now);
      return temp.store;
    },
    close() {
      if (temp.store.db.open) temp.store.db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return temp;
}

export function newRequest(overrides: Partial<NewJobRequest> = {}): NewJobRequest {
  const id = overrides.id ?? newJobRequestId();
  return {
    id,
    sourceKey: `comment:opensafely/demo-study:${id}`,
    installationId: 41234567,
    repo: { owner: "opensafely", repo: "demo-study" },
    repoHtmlUrl: "https://github.com/opensafely/demo-study",
    repoUrl: "https://github.com/opensafely/demo-study",
    pullNumber: 7,
    commentId: 2512345678,
    backend: "test",
    workspace: "demo-study-feature-7",
    branch: "feature-7",
    commit: "0123456789abcdef0123456789abcdef01234567",
    requestedActions: ["render_report"],
    forceRunDependencies: false,
    requestedBy: "researcher",
    organisation: "opensafely",
    project: "demo-study",
    projectDefinition: "version: '4.0'\nactions: {}\n",
    createdAt: Date.parse("2026-11-25T10:00:00Z"),
    ...overrides,
  };
}

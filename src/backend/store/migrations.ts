// Schema migrations, applied in order on start. Each runs once, inside a transaction, and bumps
// `PRAGMA user_version`; never edit a migration that has shipped, add a new one.

export const MIGRATIONS: readonly string[] = [
  // 1: job requests, jobs, backend flags, and checked commits.
  `
  CREATE TABLE job_requests (
    rap_id TEXT PRIMARY KEY,
    backend TEXT NOT NULL,
    workspace TEXT NOT NULL,
    repo_url TEXT NOT NULL,
    branch TEXT NOT NULL,
    commit_sha TEXT NOT NULL,
    requested_actions TEXT NOT NULL,
    force_run_dependencies INTEGER NOT NULL,
    codelists_ok INTEGER NOT NULL,
    created_by TEXT NOT NULL,
    project TEXT NOT NULL,
    original TEXT NOT NULL,
    created_at INTEGER NOT NULL
  ) STRICT;

  CREATE TABLE jobs (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    rap_id TEXT NOT NULL REFERENCES job_requests(rap_id),
    backend TEXT NOT NULL,
    workspace TEXT NOT NULL,
    action TEXT NOT NULL,
    repo_url TEXT NOT NULL,
    commit_sha TEXT NOT NULL,
    run_command TEXT NOT NULL,
    requires_db INTEGER NOT NULL,
    wait_for TEXT NOT NULL,
    state TEXT NOT NULL,
    status_code TEXT NOT NULL,
    status_message TEXT NOT NULL,
    cancelled INTEGER NOT NULL DEFAULT 0,
    attempts INTEGER NOT NULL DEFAULT 0,
    trace_context TEXT,
    metrics TEXT NOT NULL DEFAULT '{}',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    started_at INTEGER,
    completed_at INTEGER
  ) STRICT;
  CREATE INDEX jobs_by_rap ON jobs(rap_id);
  CREATE INDEX jobs_by_workspace_action ON jobs(backend, workspace, action, cancelled);
  CREATE INDEX jobs_active ON jobs(state) WHERE state IN ('pending', 'running');

  CREATE TABLE backends (
    slug TEXT PRIMARY KEY,
    last_seen INTEGER,
    paused INTEGER NOT NULL DEFAULT 0,
    paused_since INTEGER
  ) STRICT;

  CREATE TABLE checked_commits (
    repo_url TEXT NOT NULL,
    commit_sha TEXT NOT NULL,
    branch TEXT NOT NULL,
    project_yaml BLOB NOT NULL,
    checked_at INTEGER NOT NULL,
    PRIMARY KEY (repo_url, commit_sha, branch)
  ) STRICT;
  `,
];

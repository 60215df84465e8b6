// The App's SQLite schema, applied in order on start. Each migration runs once, inside a
// transaction, and bumps `PRAGMA user_version`; never edit one that has shipped, add a new one.

export const MIGRATIONS: readonly string[] = [
  // 1: deliveries, commands acted on, the App's memory of GitHub, job requests and jobs.
  `
  CREATE TABLE deliveries (
    id TEXT PRIMARY KEY,
    claimed_at INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX deliveries_by_age ON deliveries(claimed_at);

  -- One row per comment (or check-run request) acted on, so a second delivery of it does nothing.
  CREATE TABLE commands (
    source_key TEXT PRIMARY KEY,
    claimed_at INTEGER NOT NULL
  ) STRICT;

  -- What the App remembers about GitHub (where its comments are, what its check runs say), by kind
  -- and key, as JSON.
  CREATE TABLE memory (
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (kind, key)
  ) STRICT;

  CREATE TABLE job_requests (
    id TEXT PRIMARY KEY,
    source_key TEXT NOT NULL UNIQUE,
    installation_id INTEGER NOT NULL,
    repo_owner TEXT NOT NULL,
    repo_name TEXT NOT NULL,
    repo_key TEXT NOT NULL,
    repo_html_url TEXT NOT NULL,
    repo_url TEXT NOT NULL,
    pull_number INTEGER,
    comment_id INTEGER,
    backend TEXT NOT NULL,
    workspace TEXT NOT NULL,
    branch TEXT NOT NULL,
    commit_sha TEXT NOT NULL,
    requested_actions TEXT NOT NULL,
    force_run_dependencies INTEGER NOT NULL,
    requested_by TEXT NOT NULL,
    organisation TEXT NOT NULL,
    project TEXT NOT NULL,
    project_definition TEXT NOT NULL,
    status TEXT NOT NULL,
    status_message TEXT,
    submission TEXT NOT NULL,
    submit_attempts INTEGER NOT NULL DEFAULT 0,
    next_submit_at INTEGER,
    last_submit_error TEXT,
    cancelled_actions TEXT NOT NULL DEFAULT '[]',
    check_run_id INTEGER,
    -- The reaction (and, for a refusal, the reply) that ends the conversation with the requester.
    acknowledged INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 1,
    published_version INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX job_requests_by_pull ON job_requests(repo_key, pull_number, created_at);
  CREATE INDEX job_requests_by_commit ON job_requests(repo_key, commit_sha);
  CREATE INDEX job_requests_waiting ON job_requests(next_submit_at) WHERE submission = 'waiting';
  CREATE INDEX job_requests_unpublished ON job_requests(id) WHERE published_version < version;

  CREATE TABLE jobs (
    identifier TEXT PRIMARY KEY,
    job_request_id TEXT NOT NULL REFERENCES job_requests(id),
    seq INTEGER NOT NULL,
    action TEXT NOT NULL,
    run_command TEXT NOT NULL,
    status TEXT NOT NULL,
    status_code TEXT NOT NULL,
    status_message TEXT NOT NULL,
    created_at TEXT,
    updated_at TEXT,
    started_at TEXT,
    completed_at TEXT
  ) STRICT;
  CREATE INDEX jobs_by_request ON jobs(job_request_id, seq);
  `,
];

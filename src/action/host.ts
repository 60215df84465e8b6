// What main.ts needs from the place it runs in. runner.ts provides it with @actions/*; nothing else in
// the Action's core touches the toolkit, so main.ts reads as the steps it takes.

export interface ActionContext {
  /** GITHUB_WORKSPACE: the repository checkout. */
  readonly workspace: string;
  /** `GITHUB_RUN_ID-GITHUB_RUN_ATTEMPT`, for unique cache keys. */
  readonly runId: string;
  readonly sha: string | null;
  readonly repository: string | null;
}

export interface ActionHost {
  readonly context: ActionContext;
  /** A line in the log. */
  info(text: string): void;
  /** A workflow command line (an annotation), written as is. */
  command(text: string): void;
  /** A warning annotation without a file (cache or upload trouble). */
  warning(text: string): void;
  readonly cache: CacheService;
  readonly artifacts: ArtifactService;
  /** Aborted when the workflow is cancelled. */
  readonly signal: AbortSignal;
  now(): Date;
}

export interface CacheService {
  /** False when the runner has no cache service (e.g. self-hosted without one, or a local test). */
  available(): Promise<boolean>;
  /** The key restored, or undefined on a miss. Throws when the service fails. */
  restore(paths: string[], key: string, restoreKeys: string[]): Promise<string | undefined>;
  /** Throws when the service fails. */
  save(paths: string[], key: string): Promise<void>;
}

export interface ArtifactService {
  /** Uploads files (absolute paths under `root`). Throws when the service cannot be reached. */
  upload(name: string, files: string[], root: string): Promise<void>;
}

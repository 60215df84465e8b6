// The parsed, validated pipeline. Every value here is produced by `loadPipeline` and frozen: callers
// read it, they never build or mutate it.

export const PRIVACY_LEVELS = ["highly_sensitive", "moderately_sensitive", "minimally_sensitive"] as const;
export type PrivacyLevel = (typeof PRIVACY_LEVELS)[number];

/** The reserved pseudo-action that means "every action in the project". */
export const RUN_ALL = "run_all";

/** Where an issue points in the file: 1-based line and column, or null when the file has none. */
export interface Position {
  readonly line: number | null;
  readonly column: number | null;
}

/** One thing wrong with (error) or worth saying about (warning) a project file. */
export interface Issue extends Position {
  readonly severity: "error" | "warning";
  /** A stable identifier of the condition, e.g. `unknown-needs`, `yaml-duplicate-key`. */
  readonly code: string;
  /** The reference library's message text (for errors it reports) or Trestle's own. */
  readonly message: string;
  /** Key path of the offending node, e.g. `["actions", "a", "outputs", "highly_sensitive", "x"]`. */
  readonly path: readonly (string | number)[];
}

/** A `run` string, split as the platform splits it. */
export interface Command {
  /** The string as written in project.yaml. Two commands are equal when their raw strings are. */
  readonly raw: string;
  /** The words, split with POSIX shell rules. */
  readonly parts: readonly string[];
  /** The image name: the first word up to its first `:` (e.g. `python`, `ehrql`, `my-reusable-action`). */
  readonly image: string;
  /** The tag: the text after the first `:` of the first word (`v2`, `latest`, `dev`). */
  readonly tag: string;
  /** The words after the first, joined by single spaces. */
  readonly args: string;
  /** True when the job needs the database on a real backend (spec §11). */
  readonly isDatabaseAction: boolean;
}

export type Outputs = Readonly<Partial<Record<PrivacyLevel, Readonly<Record<string, string>>>>>;

export interface Action {
  readonly id: string;
  readonly run: Command;
  /** Declared outputs by privacy level; levels written as null are absent. */
  readonly outputs: Outputs;
  readonly needs: readonly string[];
  readonly config: Readonly<Record<string, unknown>> | null;
  readonly dummyDataFile: string | null;
  /**
   * The job's run command as the platform runs it: the run words plus `--config '<json>'` when the
   * config is not empty, re-joined with shell quoting (spec §8.2).
   */
  readonly jobCommand: string;
  /** The job's run words (what `jobCommand` joins). */
  readonly jobArgs: readonly string[];
}

export interface Pipeline {
  /** The version as a number (the reference converts with Python `float()`). */
  readonly version: number;
  /** Every action in file order, including a user-defined `run_all` before v5. */
  readonly actions: ReadonlyMap<string, Action>;
  /** Action names in file order, without a user-defined `run_all` (what `run_all` runs). */
  readonly allActions: readonly string[];
  /** `{populationSize}` for versions before 4 (defaulted to 1000 except in v3), else null. */
  readonly expectations: { readonly populationSize: number } | null;
}

/** The one result every consumer gets from loading a project file. */
export interface LoadResult {
  readonly valid: boolean;
  readonly errors: readonly Issue[];
  readonly warnings: readonly Issue[];
  /** The pipeline when valid, else null. */
  readonly pipeline: Pipeline | null;
}

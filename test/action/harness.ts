// Runs the built dist/action.js as GitHub runs a JavaScript action: a process with INPUT_* variables,
// GITHUB_* files (summary, outputs, event) and a checkout in GITHUB_WORKSPACE, and reads back what
// it reported: annotations (workflow commands on stdout), the summary file and the outputs.
import { execFileSync, spawn } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const ROOT = resolve(import.meta.dirname, "../..");
export const BUNDLE = join(ROOT, "dist/action.js");
export const FIXTURES = join(ROOT, "test/fixtures/projects");
export const DEMO = join(ROOT, "examples/demo");
const PUSH_EVENT = join(ROOT, "test/fixtures/events/push/default-branch.json");

/** Builds dist/ when the bundle is missing or older than the code it is made from (CI builds first). */
export function ensureBundle(): void {
  execFileSync(
    "flock",
    ["/tmp/trestle-action-bundle.lock", process.execPath, join(ROOT, "test/action/build-if-stale.mjs")],
    {
      cwd: ROOT,
      stdio: "inherit",
    },
  );
}

export interface Annotation {
  readonly kind: "error" | "warning" | "notice";
  readonly file: string | null;
  readonly line: number | null;
  readonly col: number | null;
  readonly message: string;
}

export interface ActionRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly annotations: readonly Annotation[];
  readonly outputs: Readonly<Record<string, string>>;
  readonly summary: string;
  readonly results: ResultsOutput | null;
}

export interface ResultsOutput {
  valid: boolean;
  succeeded: boolean;
  mode: string;
  codelists: string | null;
  executor: string | null;
  truncated: boolean;
  actions: {
    name: string;
    status: string;
    statusCode: string | null;
    message: string;
    durationMs: number | null;
    outputs: { path: string; privacy: string; size: number; sha256: string }[];
    level4Warnings: { path: string; message: string }[];
  }[];
}

/** A temporary runner: a checkout folder and the files GitHub hands an action. */
export class Runner {
  private constructor(readonly root: string) {}

  static async create(): Promise<Runner> {
    const root = await mkdtemp(join(tmpdir(), "trestle-action-"));
    await mkdir(join(root, "workspace"));
    await mkdir(join(root, "temp"));
    // As GitHub downloads an action: its files without node_modules, so the bundle must stand alone.
    await mkdir(join(root, "_actions/trestle/dist"), { recursive: true });
    await cp(BUNDLE, join(root, "_actions/trestle/dist/action.js"));
    await cp(join(ROOT, "dist/action-chunks"), join(root, "_actions/trestle/dist/action-chunks"), {
      recursive: true,
    });
    await cp(join(ROOT, "action.yml"), join(root, "_actions/trestle/action.yml"));
    return new Runner(root);
  }

  get workspace(): string {
    return join(this.root, "workspace");
  }

  /**
   * Copies a project into the checkout (at `under` inside it, default its root), as a fresh clone
   * would have it: without the `metadata/` and `output/` a local run may have left (they are ignored).
   */
  async checkout(project: string, under = "."): Promise<string> {
    const target = resolve(this.workspace, under);
    const left = new Set([join(project, "metadata"), join(project, "output")]);
    await cp(project, target, { recursive: true, filter: (source) => !left.has(source) });
    return target;
  }

  /**
   * Runs the Action. `signalWhen` sends a signal once stdout matches a pattern, as GitHub does when a
   * workflow is cancelled.
   */
  async run(
    inputs: Record<string, string> = {},
    env: Record<string, string> = {},
    signalWhen?: { readonly pattern: RegExp; readonly signal: NodeJS.Signals },
  ): Promise<ActionRun> {
    const summaryFile = join(this.root, "step_summary.md");
    const outputFile = join(this.root, "output.txt");
    await writeFile(summaryFile, "");
    await writeFile(outputFile, "");
    for (const name of ["state.txt", "env.txt", "path.txt"]) await writeFile(join(this.root, name), "");
    const inputEnv = Object.fromEntries(
      Object.entries(inputs).map(([name, value]) => [
        `INPUT_${name.replace(/ /g, "_").toUpperCase()}`,
        value,
      ]),
    );
    const child = spawn(process.execPath, [join(this.root, "_actions/trestle/dist/action.js")], {
      cwd: this.workspace,
      env: {
        PATH: process.env.PATH ?? "/usr/bin:/bin",
        HOME: process.env.HOME ?? this.root,
        CI: "true",
        GITHUB_ACTIONS: "true",
        GITHUB_WORKFLOW: "Test that the project is runnable",
        GITHUB_RUN_ID: "4242",
        GITHUB_RUN_ATTEMPT: "1",
        GITHUB_JOB: "test",
        GITHUB_ACTION: "__run",
        GITHUB_ACTION_PATH: join(this.root, "_actions/trestle"),
        GITHUB_EVENT_NAME: "push",
        GITHUB_EVENT_PATH: PUSH_EVENT,
        GITHUB_REF: "refs/heads/main",
        GITHUB_SHA: "9f2c1e7d4b8a6f3e2d1c0b9a8f7e6d5c4b3a2f10",
        GITHUB_REPOSITORY: "opensafely/demo-study",
        GITHUB_SERVER_URL: "https://github.com",
        GITHUB_API_URL: "https://api.github.com",
        GITHUB_WORKSPACE: this.workspace,
        GITHUB_STEP_SUMMARY: summaryFile,
        GITHUB_OUTPUT: outputFile,
        GITHUB_STATE: join(this.root, "state.txt"),
        GITHUB_ENV: join(this.root, "env.txt"),
        GITHUB_PATH: join(this.root, "path.txt"),
        RUNNER_OS: "Linux",
        RUNNER_ARCH: "X64",
        RUNNER_TEMP: join(this.root, "temp"),
        RUNNER_TOOL_CACHE: join(this.root, "temp"),
        ...inputEnv,
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    let signalled = false;
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
      if (signalWhen && !signalled && signalWhen.pattern.test(stdout)) {
        signalled = true;
        child.kill(signalWhen.signal);
      }
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    const code = await new Promise<number | null>((done) => child.on("close", (c) => done(c)));
    const outputs = parseOutputs(await readFile(outputFile, "utf8"));
    return {
      code,
      stdout,
      stderr,
      annotations: parseAnnotations(stdout),
      outputs,
      summary: await readFile(summaryFile, "utf8"),
      results: outputs.results ? (JSON.parse(outputs.results) as ResultsOutput) : null,
    };
  }

  async exists(path: string): Promise<boolean> {
    return stat(join(this.workspace, path)).then(
      () => true,
      () => false,
    );
  }

  async cleanup(): Promise<void> {
    await rm(this.root, { recursive: true, force: true });
  }
}

/** `name<<DELIM\nvalue\nDELIM` blocks, as @actions/core writes GITHUB_OUTPUT. */
export function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i]!);
    if (!m) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]!);
    outputs[m[1]!] = value.join("\n");
  }
  return outputs;
}

/**
 * Annotations the runner would create: `::error …::` lines, skipping any printed while commands were
 * stopped (`::stop-commands::TOKEN` … `::TOKEN::`), exactly as GitHub reads the log.
 */
export function parseAnnotations(stdout: string): Annotation[] {
  const annotations: Annotation[] = [];
  let stopToken: string | null = null;
  for (const line of stdout.split(/\r?\n/)) {
    if (stopToken !== null) {
      if (line === `::${stopToken}::`) stopToken = null;
      continue;
    }
    const stop = /^::stop-commands::(.+)$/.exec(line);
    if (stop) {
      stopToken = stop[1]!;
      continue;
    }
    const m = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!m) continue;
    const props = new Map<string, string>();
    for (const pair of (m[2] ?? "").split(",").filter(Boolean)) {
      const eq = pair.indexOf("=");
      props.set(pair.slice(0, eq), unescapeCommand(pair.slice(eq + 1)));
    }
    const num = (key: string) => (props.has(key) ? Number(props.get(key)) : null);
    annotations.push({
      kind: m[1] as Annotation["kind"],
      file: props.get("file") ?? null,
      line: num("line"),
      col: num("col"),
      message: unescapeCommand(m[3]!),
    });
  }
  return annotations;
}

function unescapeCommand(text: string): string {
  return text
    .replaceAll("%0D", "\r")
    .replaceAll("%0A", "\n")
    .replaceAll("%3A", ":")
    .replaceAll("%2C", ",")
    .replaceAll("%25", "%");
}

// The local executor, for machines without Docker: python actions with the host's python3, r with
// Rscript, and built-in versions of the dummy-data behaviour of sqlrunner, ehrQL (with a dummy-data
// file) and cohort-extractor (with dummy_data_file). What it cannot run faithfully fails with a
// message that names the docker executor. There is no network isolation here: the job runs as the
// user, in its own workspace, with a private HOME and TMPDIR.
import { execFile } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { join } from "node:path";
import type { Action } from "../../pipeline/index.ts";
import type { ExecIO, ExecJob, ExecResult, Executor } from "../types.ts";
import { ToolError } from "./builtin/args.ts";
import {
  cohortextractorUnsupported,
  cohortextractorWords,
  runCohortextractor,
} from "./builtin/cohortextractor.ts";
import { ehrqlUnsupported, runEhrql } from "./builtin/ehrql.ts";
import { runSqlrunner } from "./builtin/sqlrunner.ts";
import { runProcess } from "./process.ts";

export interface LocalExecutorOptions {
  /** The Python interpreter; default `python3` from PATH. */
  readonly python?: string;
  /** R's script runner; default `Rscript` from PATH. */
  readonly rscript?: string;
  /** PATH for jobs and for finding the interpreters; default the host's. */
  readonly path?: string;
}

const USE_DOCKER = "use the docker executor (--executor docker)";

function findExecutable(name: string, path: string): string | null {
  if (name.includes("/")) return canRun(name) ? name : null;
  for (const dir of path.split(":")) {
    if (dir && canRun(join(dir, name))) return join(dir, name);
  }
  return null;
}

function canRun(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The words after the image, without a leading interpreter name the image would add itself. */
function scriptWords(action: Action, interpreters: readonly string[]): string[] {
  const words = action.jobArgs.slice(1);
  return interpreters.includes(words[0] ?? "") ? words.slice(1) : words;
}

export function createLocalExecutor(options: LocalExecutorOptions = {}): Executor {
  const path = options.path ?? process.env.PATH ?? "/usr/bin:/bin";
  const found = new Map<string, string | null>();
  const locate = (name: string) => {
    if (!found.has(name)) found.set(name, findExecutable(name, path));
    return found.get(name)!;
  };
  let resolvedPython: string | null = null;
  const python = () => resolvedPython ?? locate(options.python ?? "python3");
  const rscript = () => locate(options.rscript ?? "Rscript");

  const why = (action: Action): string | null => {
    const image = action.run.image;
    switch (image) {
      case "python":
        return python() ? null : "python actions need python3, which is not installed here";
      case "r":
        return rscript() ? null : "r actions need Rscript, which is not installed here";
      case "sqlrunner":
        return null;
      case "ehrql":
        return ehrqlUnsupported(action.jobArgs.slice(1));
      case "cohortextractor":
        return cohortextractorUnsupported(action);
      case "databuilder":
        return "databuilder actions run only in the databuilder image";
      case "stata-mp":
        return "stata-mp actions run only in the stata-mp image (with a STATA_LICENSE)";
      case "jupyter":
        return "jupyter actions run only in the jupyter image";
      default:
        return `${image} is a reusable action (opensafely-actions/${image}); Trestle runs only the platform's own images, so run it with \`opensafely run\``;
    }
  };

  const unsupported = (action: Action): string | null => {
    const reason = why(action);
    if (reason === null) return null;
    const reusable = reason.includes("reusable action");
    return `The local executor cannot run ${action.run.image}:${action.run.tag}: ${reason}${reusable ? "" : `; ${USE_DOCKER}`}`;
  };

  return {
    name: "local",
    unsupported,
    async prepare(actions) {
      // Version managers (pyenv, asdf) put a shell-script shim first on PATH that costs a second or
      // more per start; asking it once for the real interpreter keeps every python job fast.
      const shim = python();
      if (shim && actions.some((a) => a.run.image === "python")) {
        resolvedPython = await realInterpreter(shim, path);
      }
      return null;
    },
    async run(job: ExecJob, io: ExecIO): Promise<ExecResult> {
      const { action } = job;
      const env: Record<string, string> = {
        PATH: path,
        HOME: job.homeDir,
        TMPDIR: join(job.homeDir, "tmp"),
        LANG: "C.UTF-8",
        PYTHONUNBUFFERED: "1",
        PYTHONDONTWRITEBYTECODE: "1",
        ...job.env,
      };
      const processJob = async (command: string, args: string[]): Promise<ExecResult> => {
        const outcome = await runProcess(
          { command, args, cwd: job.workDir, env, memoryBytes: job.limits.memoryBytes },
          io,
        );
        return { exitCode: outcome.exitCode, killed: outcome.killed, detail: null, imageId: null };
      };
      const builtin = async (tool: () => Promise<void>): Promise<ExecResult> => {
        try {
          await tool();
          return { exitCode: 0, killed: null, detail: null, imageId: null };
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          io.onLine(message, "stderr");
          return {
            exitCode: error instanceof ToolError ? error.exitCode : 1,
            killed: null,
            detail: null,
            imageId: null,
          };
        }
      };
      switch (action.run.image) {
        case "python":
          return processJob(python()!, scriptWords(action, ["python", "python3"]));
        case "r":
          return processJob(rscript()!, scriptWords(action, ["Rscript"]));
        case "sqlrunner":
          return builtin(() => runSqlrunner(action.jobArgs.slice(1), job.workDir, io.onLine));
        case "ehrql":
          return builtin(() => runEhrql(action.jobArgs.slice(1), job.workDir));
        case "cohortextractor":
          return builtin(() =>
            runCohortextractor(cohortextractorWords(action, job.populationSize), job.workDir),
          );
        default:
          io.onLine(unsupported(action) ?? "unsupported", "stderr");
          return { exitCode: 1, killed: null, detail: null, imageId: null };
      }
    },
  };
}

function realInterpreter(python: string, path: string): Promise<string | null> {
  return new Promise((resolve) => {
    execFile(
      python,
      ["-c", "import sys; print(sys.executable)"],
      { env: { PATH: path, HOME: process.env.HOME ?? "/" }, timeout: 30_000 },
      (error, stdout) => {
        const executable = stdout.trim();
        resolve(!error && executable.startsWith("/") && canRun(executable) ? executable : null);
      },
    );
  });
}

// Starts the reference backend for `trestle backend serve` (commands/backend.ts defines the command):
// checks the flags and tokens, serves until SIGINT or SIGTERM, then stops its jobs.
import { BackendStartError, startBackend } from "../../backend/backend.ts";
import { DEFAULT_MAX_WORKERS } from "../../backend/defaults.ts";
import { parseTokens } from "../../backend/tokens.ts";
import { EXIT_OK, EXIT_USAGE } from "../exit-codes.ts";
import { untilStopSignal } from "../stop-signal.ts";
import { writeStderr } from "../write-output.ts";
import { type BackendServeFlags, EXECUTORS, LOG_LEVELS } from "./backend.ts";

function positiveInt(text: string): number | null {
  return /^\d+$/.test(text) && Number(text) > 0 && Number(text) <= 1000 ? Number(text) : null;
}

export async function serveBackend(flags: BackendServeFlags, env: NodeJS.ProcessEnv): Promise<number> {
  const problem = (message: string) => {
    writeStderr(`trestle backend serve: ${message}\n`);
    return EXIT_USAGE;
  };
  const tokens = parseTokens(env.TRESTLE_RAP_TOKENS);
  if (!tokens.ok) return problem(tokens.message);
  const port = /^\d+$/.test(flags.port ?? "") ? Number(flags.port) : Number.NaN;
  if (!(port >= 0 && port <= 65535))
    return problem(`--port must be a number from 0 to 65535, not '${flags.port}'`);
  let maxWorkers: number | Record<string, number> = DEFAULT_MAX_WORKERS;
  if (flags.maxWorkers !== undefined) {
    const n = positiveInt(flags.maxWorkers);
    if (n === null)
      return problem(`--max-workers must be a number from 1 to 1000, not '${flags.maxWorkers}'`);
    maxWorkers = n;
  }
  if (flags.workers !== undefined && flags.workers.length > 0) {
    const perBackend: Record<string, number> = {};
    for (const entry of flags.workers) {
      const [slug, count] = entry.split("=");
      const n = positiveInt(count ?? "");
      if (!slug || n === null)
        return problem(`--workers takes backend=N with N from 1 to 1000, not '${entry}'`);
      perBackend[slug] = n;
    }
    const fallback = typeof maxWorkers === "number" ? maxWorkers : DEFAULT_MAX_WORKERS;
    maxWorkers = Object.fromEntries(tokens.tokens.allBackends.map((b) => [b, perBackend[b] ?? fallback]));
    Object.assign(maxWorkers, perBackend);
  }
  const executor = flags.executor ?? "local";
  if (!(EXECUTORS as readonly string[]).includes(executor)) {
    return problem(`--executor must be one of ${EXECUTORS.join(", ")}, not '${executor}'`);
  }
  const level = flags.logLevel ?? "info";
  if (!LOG_LEVELS.includes(level)) return problem(`--log-level must be one of ${LOG_LEVELS.join(", ")}`);

  let backend: Awaited<ReturnType<typeof startBackend>>;
  try {
    backend = await startBackend({
      dataDir: flags.data ?? ".",
      port,
      host: flags.host ?? "127.0.0.1",
      tokens: tokens.tokens,
      maxWorkers,
      allowAnyCommit: flags.allowAnyCommit === true,
      allowedRepoPrefixes: flags.allowRepo ?? [],
      executor: executor as (typeof EXECUTORS)[number],
      logger: { level },
    });
  } catch (error) {
    const message = error instanceof BackendStartError ? error.message : String(error);
    return problem(message);
  }
  writeStderr(`trestle backend: serving the RAP API at ${backend.apiUrl}\n`);
  const signal = await untilStopSignal();
  writeStderr(
    `trestle backend: ${signal} received, stopping; running jobs will run again on the next start\n`,
  );
  await backend.close();
  return EXIT_OK;
}

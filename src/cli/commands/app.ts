// `trestle app [--port N] [--host H]`: run the GitHub App. Its identity and secret come from the
// environment with Probot's names (APP_ID, PRIVATE_KEY or PRIVATE_KEY_PATH, WEBHOOK_SECRET, PORT,
// HOST, WEBHOOK_PATH, GHE_HOST, LOG_LEVEL, LOG_FORMAT). It serves until SIGINT or SIGTERM, then
// finishes the deliveries in progress and exits 0; it exits 2 when it cannot start.
import type { Command } from "commander";
import { appConfigFromEnv } from "../../app/app-env.ts";
import { trestleApp } from "../../app/index.ts";
import { startAppServer } from "../../app/server.ts";
import { EXIT_OK, EXIT_USAGE } from "../exit-codes.ts";
import { writeStderr } from "../write-output.ts";

interface AppFlags {
  port?: string;
  host?: string;
}

export function registerApp(program: Command): void {
  program
    .command("app")
    .description(
      "Run the GitHub App: check project.yaml on every pull request and push to the default branch. " +
        "Configured from the environment as Probot apps are (APP_ID, PRIVATE_KEY or PRIVATE_KEY_PATH, WEBHOOK_SECRET, PORT, HOST).",
    )
    .option("--port <port>", "port to listen on (overrides PORT; default 3000)")
    .option("--host <host>", "address to listen on (overrides HOST; default localhost)")
    .action(async (flags: AppFlags) => {
      process.exitCode = await runApp(flags, process.env);
    });
}

export async function runApp(flags: AppFlags, env: NodeJS.ProcessEnv): Promise<number> {
  const merged = {
    ...env,
    ...(flags.port === undefined ? {} : { PORT: flags.port }),
    ...(flags.host === undefined ? {} : { HOST: flags.host }),
  };
  const configured = await appConfigFromEnv(merged);
  if (!configured.ok) {
    writeStderr(`trestle app: cannot start:\n${configured.problems.map((p) => `  - ${p}\n`).join("")}`);
    return EXIT_USAGE;
  }
  const { config } = configured;
  let server: Awaited<ReturnType<typeof startAppServer>>;
  try {
    server = await startAppServer({
      probot: config.probot,
      app: trestleApp({ appId: config.appId }),
      port: config.port,
      host: config.host,
      webhookPath: config.webhookPath,
    });
  } catch (error) {
    writeStderr(`trestle app: cannot start: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_USAGE;
  }
  writeStderr(`trestle app: listening on ${server.url} (webhooks: ${server.webhookUrl})\n`);
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  writeStderr(`trestle app: ${signal} received, finishing deliveries in progress\n`);
  await server.close();
  return EXIT_OK;
}

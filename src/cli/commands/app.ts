// `trestle app [--port N] [--host H]`: run the GitHub App. Its identity and secret come from the
// environment with Probot's names (APP_ID, PRIVATE_KEY or PRIVATE_KEY_PATH, WEBHOOK_SECRET, PORT,
// HOST, WEBHOOK_PATH, GHE_HOST, LOG_LEVEL, LOG_FORMAT). It serves until SIGINT or SIGTERM, then
// finishes the deliveries in progress and exits 0; it exits 2 when it cannot start.
// The App itself (Probot, SQLite) is loaded only when the command runs, so that `trestle --help`
// and `trestle --version`, which register every command, do not wait for it.
import type { Command } from "commander";
export interface AppFlags {
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
      const { runApp } = await import("./app-serve.ts");
      process.exitCode = await runApp(flags, process.env);
    });
}

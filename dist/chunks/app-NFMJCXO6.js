#!/usr/bin/env node

// src/cli/commands/app.ts
function registerApp(program) {
  program.command("app").description(
    "Run the GitHub App: check project.yaml on every pull request and push to the default branch. Configured from the environment as Probot apps are (APP_ID, PRIVATE_KEY or PRIVATE_KEY_PATH, WEBHOOK_SECRET, PORT, HOST)."
  ).option("--port <port>", "port to listen on (overrides PORT; default 3000)").option("--host <host>", "address to listen on (overrides HOST; default localhost)").action(async (flags) => {
    const { runApp } = await import("./app-serve-KM5FYTY2.js");
    process.exitCode = await runApp(flags, process.env);
  });
}
export {
  registerApp
};

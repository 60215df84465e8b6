// Reads the App's configuration from the environment, with Probot's variable names and meanings
// (APP_ID, PRIVATE_KEY or PRIVATE_KEY_PATH, WEBHOOK_SECRET, PORT, HOST, WEBHOOK_PATH, GHE_HOST,
// LOG_LEVEL, LOG_FORMAT), and checks it before anything listens: a missing secret or a key that
// cannot sign is a clear message at start, not a failure on the first webhook.
import { createProbot, type Options, type Probot } from "probot";
import { keepAliveFetch } from "./github/keep-alive-fetch.ts";
import { DEFAULT_WEBHOOK_PATH } from "./server.ts";

export interface AppConfig {
  readonly appId: number;
  readonly port: number;
  readonly host: string;
  readonly webhookPath: string;
  readonly probot: Probot;
}

export type AppConfigResult =
  | { readonly ok: true; readonly config: AppConfig }
  | { readonly ok: false; readonly problems: readonly string[] };

export async function appConfigFromEnv(
  env: NodeJS.ProcessEnv,
  overrides: Pick<Options, "Octokit" | "log" | "request"> = {},
): Promise<AppConfigResult> {
  const problems: string[] = [];
  const appId = Number(env.APP_ID);
  if (!env.APP_ID || !Number.isSafeInteger(appId) || appId <= 0) {
    problems.push("APP_ID must be set to the GitHub App's numeric id (shown on the App's settings page).");
  }
  if (!env.WEBHOOK_SECRET) {
    problems.push("WEBHOOK_SECRET must be set to the webhook secret entered when the App was registered.");
  }
  const port = env.PORT === undefined || env.PORT === "" ? 3000 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    problems.push(`PORT must be a port number from 0 to 65535, got ${JSON.stringify(env.PORT)}.`);
  }
  const webhookPath = env.WEBHOOK_PATH || DEFAULT_WEBHOOK_PATH;
  if (!webhookPath.startsWith("/"))
    problems.push(`WEBHOOK_PATH must start with "/", got ${JSON.stringify(webhookPath)}.`);
  if (problems.length > 0) return { ok: false, problems };

  let probot: Probot;
  try {
    // Probot's own default log level is `warn`; a server should say that it started and what it did.
    probot = createProbot({
      env: { LOG_LEVEL: "info", ...env },
      overrides: { request: { fetch: keepAliveFetch }, ...overrides },
    });
  } catch (error) {
    return { ok: false, problems: [keyProblem(error, env)] };
  }
  try {
    // Signing the App's token happens locally: this proves APP_ID and the key work without a request.
    const octokit = await probot.auth();
    await octokit.auth({ type: "app" });
  } catch (error) {
    return { ok: false, problems: [keyProblem(error, env)] };
  }
  return { ok: true, config: { appId, port, host: env.HOST || "localhost", webhookPath, probot } };
}

function keyProblem(error: unknown, env: NodeJS.ProcessEnv): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/privateKey option is required/i.test(message)) {
    // Probot drops a key it cannot read and then reports it as missing; say which one it was.
    if (env.PRIVATE_KEY)
      return "PRIVATE_KEY is set but is not a PEM private key (nor one encoded in base64).";
    if (env.PRIVATE_KEY_PATH)
      return `PRIVATE_KEY_PATH is set but ${JSON.stringify(env.PRIVATE_KEY_PATH)} cannot be read.`;
    return "PRIVATE_KEY (the key's PEM text, or it base64-encoded) or PRIVATE_KEY_PATH (a .pem file) must be set.";
  }
  return `The App's private key cannot be used: ${message.replace(/^\[[^\]]+\]\s*/, "")}`;
}

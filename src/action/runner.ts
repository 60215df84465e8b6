// The only code that reads the Action's inputs and writes its outputs: it parses every input with
// the schema, gives main.ts a host made of the toolkit, and turns the report into the summary, the
// outputs and the step's result. Whatever is thrown, Error or not, fails the step with a message.
import * as core from "@actions/core";
import type { ActionHost, ArtifactService, CacheService } from "./host.ts";
import { type InputName, parseInputs } from "./inputs.ts";
import { main } from "./main.ts";

export async function run(): Promise<void> {
  const stop = new AbortController();
  const cancel = () => stop.abort(new Error("The workflow was cancelled."));
  process.once("SIGINT", cancel);
  process.once("SIGTERM", cancel);
  try {
    for (const name of ["ACTIONS_RUNTIME_TOKEN", "GITHUB_TOKEN"]) {
      const secret = process.env[name];
      if (secret) core.setSecret(secret);
    }
    const inputs = parseInputs((name: InputName) => core.getInput(name));
    const report = await main(inputs, createHost(stop.signal));
    await writeSummary(report.summary);
    core.setOutput("valid", report.valid);
    core.setOutput("succeeded", report.succeeded);
    core.setOutput("failed-actions", report.failedActions.join(" "));
    core.setOutput("results", report.results);
    if (report.failure !== null) core.setFailed(report.failure);
  } catch (error) {
    failUnexpectedly(error);
  } finally {
    process.off("SIGINT", cancel);
    process.off("SIGTERM", cancel);
  }
}

/** Fails the step for anything thrown or rejected, with the clearest message the value allows. */
export function failUnexpectedly(error: unknown): void {
  if (error instanceof Error && error.name === "InputError") {
    core.setFailed(error.message);
    return;
  }
  if (error instanceof Error && error.stack) core.debug(error.stack);
  core.setFailed(`Trestle stopped unexpectedly: ${describeThrown(error)}`);
}

export function describeThrown(error: unknown): string {
  if (error instanceof Error) {
    const causes: string[] = [];
    let cause: unknown = error.cause;
    while (cause !== undefined && causes.length < 5) {
      causes.push(cause instanceof Error ? cause.message : describeThrown(cause));
      cause = cause instanceof Error ? cause.cause : undefined;
    }
    const message =
      error.message === ""
        ? error.name
        : `${error.name === "Error" ? "" : `${error.name}: `}${error.message}`;
    return [message, ...causes.map((c) => `caused by: ${c}`)].join("; ");
  }
  if (typeof error === "string") return error === "" ? "an empty string was thrown" : error;
  if (error === undefined || error === null) return `${String(error)} was thrown (no message)`;
  try {
    const json = JSON.stringify(error);
    if (json !== undefined) return `a value was thrown: ${json.slice(0, 1000)}`;
  } catch {
    // Circular or otherwise not serialisable: fall through to String().
  }
  return `a value was thrown: ${String(error)}`;
}

async function writeSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) {
    core.info("No job summary: GITHUB_STEP_SUMMARY is not set.");
    return;
  }
  await core.summary.addRaw(markdown).write();
}

function createHost(signal: AbortSignal): ActionHost {
  const runId = `${process.env.GITHUB_RUN_ID || "local"}-${process.env.GITHUB_RUN_ATTEMPT || "1"}`;
  return {
    context: {
      workspace: process.env.GITHUB_WORKSPACE || process.cwd(),
      runId,
      sha: process.env.GITHUB_SHA || null,
      repository: process.env.GITHUB_REPOSITORY || null,
    },
    info: (text) => core.info(text),
    command: (text) => process.stdout.write(`${text}\n`),
    warning: (text) => core.warning(text),
    cache: toolkitCache,
    artifacts: toolkitArtifacts,
    signal,
    now: () => new Date(),
  };
}

// The cache and artifact clients are loaded on first use: most of the bundle is theirs, and a check
// or an invalid project never needs them.
const toolkitCache: CacheService = {
  async available() {
    return (await import("@actions/cache")).isFeatureAvailable();
  },
  async restore(paths, key, restoreKeys) {
    return (await import("@actions/cache")).restoreCache(paths, key, restoreKeys);
  },
  async save(paths, key) {
    const cache = await import("@actions/cache");
    const id = await cache.saveCache(paths, key);
    if (id === -1) throw new Error("the cache service did not accept the state (see the log above)");
  },
};

const toolkitArtifacts: ArtifactService = {
  async upload(name, files, root) {
    const { DefaultArtifactClient } = await import("@actions/artifact");
    await new DefaultArtifactClient().uploadArtifact(name, files, root, { retentionDays: 14 });
  },
};

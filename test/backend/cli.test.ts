// `trestle backend serve` refusing to start, as a real process: exit code 2 and one clear line.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TOKENS_ENV, tempDir } from "./helpers/backend.ts";
import { runCli, type ServeProcess, serve } from "./helpers/serve-process.ts";

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  tmp = tempDir("cli");
});
afterAll(() => tmp.remove());

const env = (tokens: string | undefined): NodeJS.ProcessEnv => {
  const e = { ...process.env };
  delete e.TRESTLE_RAP_TOKENS;
  return tokens === undefined ? e : { ...e, TRESTLE_RAP_TOKENS: tokens };
};

describe("trestle backend serve", () => {
  it("exits 2 with a message for missing or bad configuration, never printing a token", {
    timeout: 120_000,
  }, async () => {
    const data = join(tmp.path, "data");
    const secret = "a-secret-token-that-must-not-print";
    const cases: [string[], string | undefined, RegExp][] = [
      [["--data", data], undefined, /TRESTLE_RAP_TOKENS is not set/],
      [["--data", data], `${secret}:bad slug`, /invalid backend slug/],
      [["--data", data, "--port", "http"], TOKENS_ENV, /--port must be a number/],
      [["--data", data, "--port", "70000"], TOKENS_ENV, /--port must be a number/],
      [["--data", data, "--max-workers", "0"], TOKENS_ENV, /--max-workers must be/],
      [["--data", data, "--workers", "test"], TOKENS_ENV, /--workers takes backend=N/],
      [["--data", data, "--executor", "podman"], TOKENS_ENV, /--executor must be one of/],
      [["--data", data, "--log-level", "loud"], TOKENS_ENV, /--log-level must be one of/],
      [[], TOKENS_ENV, /required option '--data <dir>'/],
    ];
    const results = await Promise.all(
      cases.map(([args, tokens]) => runCli(["backend", "serve", ...args], env(tokens))),
    );
    for (const [index, [args, , message]] of cases.entries()) {
      const result = results[index]!;
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr + result.stdout).not.toContain(secret);
    }
  });

  it("exits 2 when the data folder cannot hold a database or is in use by another backend", {
    timeout: 120_000,
  }, async () => {
    const file = join(tmp.path, "a-file");
    writeFileSync(file, "not a folder");
    const notFolder = await runCli(["backend", "serve", "--data", file, "--port", "0"], env(TOKENS_ENV));
    expect(notFolder.code).toBe(2);
    expect(notFolder.stderr).toMatch(/trestle backend serve: /);

    const data = join(tmp.path, "shared");
    let first: ServeProcess | undefined;
    try {
      first = await serve(data);
      const second = await runCli(["backend", "serve", "--data", data, "--port", "0"], env(TOKENS_ENV));
      expect(second.code).toBe(2);
      expect(second.stderr).toContain(`another backend (pid ${first.child.pid}) is using`);
      const health = await fetch(`${first.url}/healthz`);
      expect(await health.json()).toMatchObject({ status: "ok", agent: "on" });
    } finally {
      first?.child.kill("SIGTERM");
      if (first) expect(await first.exited).toBe(0);
    }
  });
});

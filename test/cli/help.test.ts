// `trestle --help` and `--version` register every subcommand. Registering must not load what a
// command needs to run (Probot, fastify, SQLite): help is asked for often, and waiting over half a
// second for it is a poor start. A module hook refuses those packages, so loading one fails the run.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempFolder, trestle } from "./run-trestle.ts";

const SERVER_PACKAGES = ["probot", "fastify", "better-sqlite3"];
let folder: Awaited<ReturnType<typeof tempFolder>>;
let refusingServers: NodeJS.ProcessEnv;

beforeAll(async () => {
  folder = await tempFolder("help");
  const hooks = join(folder.path, "hooks.mjs");
  await writeFile(
    hooks,
    `const refused = ${JSON.stringify(SERVER_PACKAGES)};
export async function resolve(specifier, context, next) {
  if (refused.includes(specifier)) throw new Error("refused to load " + specifier);
  return next(specifier, context);
}
`,
  );
  const register = join(folder.path, "register.mjs");
  await writeFile(
    register,
    `import { register } from "node:module";\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`,
  );
  refusingServers = { NODE_OPTIONS: `--import ${pathToFileURL(register).href}` };
});

afterAll(() => folder.cleanup());

describe("trestle --help and --version", () => {
  it("lists every subcommand without loading the servers behind them", async () => {
    const run = await trestle(["--help"], { env: refusingServers });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    for (const command of ["check", "graph", "run", "codelists", "app", "backend"]) {
      expect(run.stdout).toMatch(new RegExp(`^  ${command}\\b`, "m"));
    }
  });

  it("prints the version without loading the servers", async () => {
    const run = await trestle(["--version"], { env: refusingServers });
    expect(run).toMatchObject({ code: 0, stdout: "0.1.0\n" });
  });

  it("describes `app` and `backend serve` without loading them", async () => {
    const app = await trestle(["app", "--help"], { env: refusingServers });
    expect(app.code).toBe(0);
    expect(app.stdout).toContain("--port <port>");
    const backend = await trestle(["backend", "serve", "--help"], { env: refusingServers });
    expect(backend.code).toBe(0);
    expect(backend.stdout).toContain("--max-workers <n>");
    expect(backend.stdout).toContain("(default 2)");
  });

  it("the hook does refuse: running the App loads them", async () => {
    const run = await trestle(["app"], { env: { ...refusingServers, APP_ID: "", WEBHOOK_SECRET: "" } });
    expect(run.code).toBe(2);
    // Which one is resolved first differs between Node versions.
    expect(run.stderr).toMatch(/refused to load (probot|fastify|better-sqlite3)/);
  });
});

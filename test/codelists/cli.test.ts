// `trestle codelists check` as a process: exit codes 0/1/2 and the reference's text.
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const root = resolve(import.meta.dirname, "../..");

async function trestle(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], {
      cwd: root,
      env: { ...process.env, GITHUB_WORKFLOW: "" },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let project: string;
beforeAll(async () => {
  project = await mkdtemp(join(tmpdir(), "trestle-codelists-cli-"));
});
afterAll(async () => {
  await rm(project, { recursive: true, force: true });
});

describe("trestle codelists check", () => {
  it("exits 0 when there is nothing to check", async () => {
    const result = await trestle("codelists", "check", "--project", project, "--offline");
    expect(result).toMatchObject({
      code: 0,
      stdout: "No 'codelists' directory present so nothing to check\n",
    });
  });

  it("exits 1 with the reference's message on an inconsistent folder", async () => {
    await mkdir(join(project, "codelists"), { recursive: true });
    await writeFile(join(project, "codelists/codelists.txt"), "opensafely/asthma/v1\n");
    await writeFile(join(project, "codelists/codelists.json"), '{"files": {}}');
    const result = await trestle("codelists", "check", "--project", project, "--offline");
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "It looks like 'codelists.txt' has been edited but 'update' hasn't been run.\n" +
        "    added: opensafely/asthma/v1\n\n" +
        "To fix these errors run the command below and commit the changes:\n\n  opensafely codelists update\n",
    );
  });

  it("exits 2 when the project folder does not exist or a flag is unknown", async () => {
    const missing = await trestle("codelists", "check", "--project", join(project, "nope"));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("no such project folder");
    expect((await trestle("codelists", "check", "--bogus")).code).toBe(2);
  });
});

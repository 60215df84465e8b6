// `trestle codelists check` as a process (the built CLI): exit codes 0/1/2 and the reference's text.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { trestle as run, tempFolder } from "../cli/run-trestle.ts";

const trestle = (...args: string[]) => run(args, { env: { GITHUB_WORKFLOW: "" } });

let project: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ path: project, cleanup } = await tempFolder("codelists-cli"));
});
afterAll(async () => {
  await cleanup();
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

  it("passes the example study and fails its edited copy", async () => {
    const ok = await trestle(
      "codelists",
      "check",
      "--project",
      "test/fixtures/projects/codelists-study",
      "--offline",
    );
    expect(ok).toMatchObject({ code: 0, stdout: "Local codelists OK\n" });
    const edited = await trestle(
      "codelists",
      "check",
      "--project",
      "test/fixtures/projects/codelists-edited",
      "--offline",
    );
    expect(edited.code).toBe(1);
    expect(edited.stderr).toContain("    added: opensafely/hypertension/2020-04-28\n");
  });
});

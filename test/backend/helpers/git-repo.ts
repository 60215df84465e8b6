// Real git repositories in temp folders, reachable as file:// URLs.
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";

export interface TestRepo {
  readonly dir: string;
  readonly url: string;
  /** Writes (or, with null, deletes) files, commits on the current branch and returns the sha. */
  commit(files: Readonly<Record<string, string | null>>, message?: string): string;
  git(...args: string[]): string;
}

export function makeRepo(dir: string, branch = "main"): TestRepo {
  mkdirSync(dir, { recursive: true });
  const git = (...args: string[]) =>
    execFileSync("git", args, {
      cwd: dir,
      encoding: "utf8",
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: "Researcher",
        GIT_AUTHOR_EMAIL: "researcher@example.org",
        GIT_COMMITTER_NAME: "Researcher",
        GIT_COMMITTER_EMAIL: "researcher@example.org",
      },
    }).trim();
  git("init", "--quiet", "--initial-branch", branch);
  return {
    dir,
    url: pathToFileURL(dir).href,
    git,
    commit(files, message = "change") {
      for (const [path, content] of Object.entries(files)) {
        const target = join(dir, path);
        if (content === null) rmSync(target, { force: true });
        else {
          mkdirSync(dirname(target), { recursive: true });
          writeFileSync(target, content);
        }
      }
      git("add", "--all");
      git("commit", "--quiet", "--allow-empty", "-m", message);
      return git("rev-parse", "HEAD");
    },
  };
}

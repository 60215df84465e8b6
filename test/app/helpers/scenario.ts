// A study repository in the fake GitHub with a pull request open against it: the base commit on the
// default branch, the head commit on a feature branch.
import type { FakeRepo } from "./fake-github-state.ts";
import type { Harness } from "./harness.ts";

export const REPO = "opensafely/demo-study";

export interface Study {
  readonly repo: FakeRepo;
  readonly number: number;
  readonly baseSha: string;
  readonly headSha: string;
}

export function openStudyPull(
  h: Harness,
  files: { base: Record<string, string | null>; head: Record<string, string | null> },
  number = 7,
): Study {
  const state = h.github.state;
  const repo = state.repos.get(REPO) ?? state.addRepo(REPO, { installationId: 41234567 });
  const baseSha = state.commit(REPO, files.base);
  const headSha = state.commit(REPO, files.head, { branch: `feature-${number}`, parent: baseSha });
  state.openPull(REPO, {
    number,
    head: { sha: headSha, ref: `feature-${number}` },
    base: { sha: baseSha, ref: repo.defaultBranch },
  });
  return { repo, number, baseSha, headSha };
}

/** Pushes to the pull request's branch and moves its head, as `git push` would. */
export function pushToPull(h: Harness, study: Study, files: Record<string, string | null>): Study {
  const headSha = h.github.state.commit(REPO, files, {
    branch: `feature-${study.number}`,
    parent: study.headSha,
  });
  const pull = h.github.state.pull(REPO, study.number)!;
  pull.head = { ...pull.head, sha: headSha };
  return { ...study, headSha };
}

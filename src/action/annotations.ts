// Annotations within GitHub's limit: a step shows at most 10 errors, 10 warnings and 10 notices and
// silently drops the rest. The budget decides which are shown; the summary lists everything.
import { githubIssue, type Issue, sortedIssues } from "../pipeline/index.ts";

export type AnnotationKind = "error" | "warning" | "notice";

/** GitHub's per-step limit for each kind (toolkit docs/problem-matchers.md). */
export const ANNOTATIONS_PER_KIND = 10;

export class AnnotationBudget {
  private readonly left: Record<AnnotationKind, number>;

  /** `reserve` keeps some of each kind for messages that come at the end (the failure message). */
  constructor(reserve: Partial<Record<AnnotationKind, number>> = {}) {
    this.left = {
      error: ANNOTATIONS_PER_KIND - (reserve.error ?? 0),
      warning: ANNOTATIONS_PER_KIND - (reserve.warning ?? 0),
      notice: ANNOTATIONS_PER_KIND - (reserve.notice ?? 0),
    };
  }

  /** True (and counted) when one more annotation of this kind will be shown. */
  take(kind: AnnotationKind): boolean {
    if (this.left[kind] <= 0) return false;
    this.left[kind] -= 1;
    return true;
  }

  /** Gives back what was reserved, for the messages it was kept for. */
  release(kind: AnnotationKind, n: number): void {
    this.left[kind] += n;
  }
}

export interface IssueAnnotations {
  /** Workflow commands, one per shown issue, in file order. */
  readonly commands: readonly string[];
  /** Issues GitHub would not show; the summary says how many and lists them. */
  readonly hidden: readonly Issue[];
}

/**
 * Annotations for a project file's issues, in file order, at most what the budget allows of each
 * kind. `file` is the path from the repository root, which is what GitHub matches against.
 */
export function issueAnnotations(
  result: { readonly errors: readonly Issue[]; readonly warnings: readonly Issue[] },
  file: string,
  budget: AnnotationBudget,
): IssueAnnotations {
  const commands: string[] = [];
  const hidden: Issue[] = [];
  for (const issue of sortedIssues({ ...result, valid: result.errors.length === 0, pipeline: null })) {
    if (budget.take(issue.severity)) commands.push(githubIssue(issue, file));
    else hidden.push(issue);
  }
  return { commands, hidden };
}

/** A message about a file without a line (e.g. codelists), through the same formatter. */
export function fileAnnotation(severity: "error" | "warning", message: string, file: string): string {
  const issue: Issue = { severity, code: "codelists", message, path: [], line: null, column: null };
  return githubIssue(issue, file);
}

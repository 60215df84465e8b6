// POST rap/create/: the controller's create view (spec/backend.md §3.2) over the store, the project
// source and the planner. Every failure is an answer with a status; nothing is stored unless jobs are.
import { randomBytes } from "node:crypto";
import type { CreateRequest, CreateResponse, ErrorResponse } from "../rap/index.ts";
import { planJobs } from "./planner.ts";
import type { ProjectSource } from "./project-source.ts";
import type { JobRequestRow } from "./store/rows.ts";
import type { Store } from "./store/store.ts";

export interface Reply<T> {
  readonly status: number;
  readonly body: T | ErrorResponse;
}

export interface CreateDeps {
  readonly store: Store;
  readonly projects: ProjectSource;
  readonly now: () => number;
  /** Called after jobs were stored, so the scheduler can look at them at once. */
  readonly onJobsCreated: () => void;
  readonly logError: (message: string, error: unknown) => void;
}

/** A W3C trace context for the job, as the controller starts one per job. */
function newTraceContext(): Record<string, string> {
  const id = randomBytes(24).toString("hex");
  return { traceparent: `00-${id.slice(0, 32)}-${id.slice(32)}-01` };
}

const creatingError = (details: string): Reply<CreateResponse> => ({
  status: 400,
  body: { error: "Error creating jobs", details },
});

/** "No change" for the same request again; "Inconsistent request data" when the id is reused for another. */
function repeated(existing: JobRequestRow, request: CreateRequest, store: Store): Reply<CreateResponse> {
  const same =
    existing.backend === request.backend &&
    existing.workspace === request.workspace &&
    existing.repo_url === request.repo_url &&
    existing.commit_sha === request.commit;
  if (!same) {
    return {
      status: 400,
      body: {
        error: "Inconsistent request data",
        details: `rap_id '${request.rap_id}' already exists with a different backend, workspace, repository or commit`,
        rap_id: request.rap_id,
      },
    };
  }
  return {
    status: 200,
    body: {
      result: "No change",
      details: `Jobs already created for rap_id '${request.rap_id}'`,
      rap_id: request.rap_id,
      count: store.countJobs(request.rap_id),
    },
  };
}

export async function createJobRequest(
  deps: CreateDeps,
  request: CreateRequest,
  tokenBackends: readonly string[],
): Promise<Reply<CreateResponse>> {
  try {
    // The controller answers "Unknown error" here rather than saying which backends exist.
    if (!tokenBackends.includes(request.backend)) return creatingError("Unknown error");
    const before = deps.store.jobRequest(request.rap_id);
    if (before !== undefined) return repeated(before, request, deps.store);

    const project = await deps.projects.load({
      repoUrl: request.repo_url,
      branch: request.branch,
      commit: request.commit,
    });
    if (!project.ok) return creatingError(project.message);

    // Planning and inserting happen in one synchronous transaction: no other create or status change
    // can land between reading the workspace state and writing the new jobs.
    const reply = deps.store.transaction((): Reply<CreateResponse> => {
      const existing = deps.store.jobRequest(request.rap_id);
      if (existing !== undefined) return repeated(existing, request, deps.store);
      const plan = planJobs({
        rapId: request.rap_id,
        pipeline: project.pipeline,
        requestedActions: request.requested_actions,
        forceRunDependencies: request.force_run_dependencies,
        codelistsOk: request.codelists_ok,
        workspaceState: deps.store.workspaceState(request.backend, request.workspace),
      });
      if (plan.kind === "error") return creatingError(plan.message);
      if (plan.kind === "nothing_to_do") {
        return {
          status: 200,
          body: { result: "Nothing to do", details: plan.message, rap_id: request.rap_id, count: 0 },
        };
      }
      deps.store.insertJobRequest(
        {
          rapId: request.rap_id,
          backend: request.backend,
          workspace: request.workspace,
          repoUrl: request.repo_url,
          branch: request.branch,
          commit: request.commit,
          requestedActions: request.requested_actions,
          forceRunDependencies: request.force_run_dependencies,
          codelistsOk: request.codelists_ok,
          createdBy: request.created_by,
          project: request.project,
          original: request,
        },
        plan.jobs.map((job) => ({ ...job, traceContext: newTraceContext() })),
        deps.now(),
      );
      return {
        status: 201,
        body: {
          result: "Success",
          details: `Jobs created for rap_id '${request.rap_id}'`,
          rap_id: request.rap_id,
          count: plan.jobs.length,
        },
      };
    });
    if (reply.status === 201) deps.onJobsCreated();
    return reply;
  } catch (error) {
    deps.logError("create failed unexpectedly", error);
    return creatingError("Unknown error");
  }
}

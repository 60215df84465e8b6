// The Probot app: which events it listens to and the adapters that hand each one to a handler. It is
// the App's only entry for webhooks; `server.ts` puts it behind HTTP and `trestle app` starts that.
import type { ApplicationFunction } from "probot";
import { FileCache } from "./analysis/file-cache.ts";
import { LoadCache } from "./analysis/load-cache.ts";
import type { AppDeps } from "./events/app-deps.ts";
import { onCheckRunRerequested } from "./events/check-run.ts";
import { onIssueComment } from "./events/issue-comment.ts";
import { onPullRequest, PULL_REQUEST_EVENTS } from "./events/pull-request.ts";
import { onPush } from "./events/push.ts";
import { KeyedQueue } from "./keyed-queue.ts";
import { SettingsCache } from "./settings/settings-cache.ts";
import { MemoryStore } from "./store/memory-store.ts";
import type { AppStore } from "./store/store.ts";

export interface TrestleAppOptions {
  /** The GitHub App's id (APP_ID): the App recognises its own comments and check runs by it. */
  readonly appId: number;
  /** Where deliveries and comment ids are remembered. Default: in memory. */
  readonly store?: AppStore;
  readonly cache?: LoadCache;
  /** Milliseconds since the epoch; tests pass their own. */
  readonly now?: () => number;
}

export function trestleApp(options: TrestleAppOptions): ApplicationFunction {
  const deps: AppDeps = {
    appId: options.appId,
    store: options.store ?? new MemoryStore(),
    cache: options.cache ?? new LoadCache(),
    files: new FileCache(),
    queue: new KeyedQueue(),
    settings: new SettingsCache(options.now ?? Date.now),
  };
  return (app) => {
    app.on([...PULL_REQUEST_EVENTS], onPullRequest(deps));
    app.on("push", onPush(deps));
    app.on("check_run.rerequested", onCheckRunRerequested(deps));
    app.on(["issue_comment.created", "issue_comment.edited"], onIssueComment(deps));
  };
}

export { MemoryStore } from "./store/memory-store.ts";
export type { AppStore } from "./store/store.ts";

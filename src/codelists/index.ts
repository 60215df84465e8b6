// The codelists check's public API, shared by the CLI and the Action.
export { type CodelistsCheckOptions, checkCodelists } from "./check.ts";
export { OPENCODELISTS_BASE_URL, parseCodelistsFile } from "./codelists-file.ts";
export { codelistSha } from "./hash.ts";
export type { CodelistsMessage, CodelistsReport, MessageLevel } from "./messages.ts";

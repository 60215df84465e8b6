// What the check says, as values: the host decides whether a message becomes a log line, an
// annotation or a summary entry.

export type MessageLevel = "info" | "warning" | "error";

export interface CodelistsMessage {
  readonly level: MessageLevel;
  /** The reference's text, possibly several lines. */
  readonly text: string;
  /** The file it concerns, relative to the project folder, when there is one. */
  readonly file?: string;
}

export interface CodelistsReport {
  /** `no-codelists`: no codelists/ folder, nothing to check (a success). */
  readonly outcome: "no-codelists" | "ok" | "failed";
  readonly messages: readonly CodelistsMessage[];
}

/** The reference appends this to every error the user fixes by re-running `update`. */
export function withUpdatePrompt(message: string): string {
  return (
    `${message}\n` +
    "To fix these errors run the command below and commit the changes:\n\n" +
    "  opensafely codelists update\n"
  );
}

/** One line per difference: `    added: x` (only in the first set), then `  removed: x`, each sorted. */
export function formatDiff(a: ReadonlySet<string>, b: ReadonlySet<string>): string {
  const added = [...a].filter((x) => !b.has(x)).sort();
  const removed = [...b].filter((x) => !a.has(x)).sort();
  return [...added.map((x) => `    added: ${x}`), ...removed.map((x) => `  removed: ${x}`)].join("\n");
}

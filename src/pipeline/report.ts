// Collects every issue found while validating, each with the key path of the node it is about.
// Positions are attached afterwards, only when there is something to report.

export type IssuePath = readonly (string | number)[];

export interface RawIssue {
  readonly severity: "error" | "warning";
  readonly code: string;
  readonly message: string;
  readonly path: IssuePath;
}

export class Report {
  readonly issues: RawIssue[] = [];

  private errors = 0;

  error(code: string, message: string, path: IssuePath): void {
    this.errors++;
    this.issues.push({ severity: "error", code, message, path });
  }

  warning(code: string, message: string, path: IssuePath): void {
    this.issues.push({ severity: "warning", code, message, path });
  }

  get errorCount(): number {
    return this.errors;
  }
}

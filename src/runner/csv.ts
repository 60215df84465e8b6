// A small RFC 4180 reader, enough to do what Python's csv.DictReader does for the level-4 checks and
// for rewriting dummy-data files: quoted fields with commas, quotes and newlines; blank lines skipped.

/** Splits CSV text into records of fields. Blank lines are skipped, as csv.reader yields [] for them. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  let fieldStarted = false;
  const endRecord = () => {
    if (fieldStarted || record.length > 0) {
      record.push(field);
      records.push(record);
    }
    record = [];
    field = "";
    fieldStarted = false;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
      continue;
    }
    if (c === '"' && field === "") {
      quoted = true;
      fieldStarted = true;
    } else if (c === ",") {
      record.push(field);
      field = "";
      fieldStarted = true;
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      endRecord();
    } else {
      field += c;
      fieldStarted = true;
    }
  }
  endRecord();
  return records;
}

/** Quotes a field the way Python's csv writer does (QUOTE_MINIMAL). */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Writes records with `\r\n` line endings, as Python's csv.writer does by default. */
export function formatCsv(records: readonly (readonly string[])[]): string {
  // A lone empty field is quoted so that the row is not read back as a blank line.
  return records
    .map((r) => `${r.length === 1 && r[0] === "" ? '""' : r.map(csvField).join(",")}\r\n`)
    .join("");
}

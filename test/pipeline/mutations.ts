// fast-check arbitraries that damage real project files the way people and tools do: lines lost,
// doubled, swapped or re-indented, stray YAML syntax, truncation, odd scalars and hostile aliases.
import fc from "fast-check";

const FRAGMENTS = [
  "\t",
  '"',
  "'",
  ":",
  ": ",
  "- ",
  "-",
  "&a ",
  "*a",
  "<<: *a",
  "? ",
  "{",
  "}",
  "[",
  "]",
  ",",
  "#",
  "|",
  ">",
  "!foo ",
  "!!int ",
  "!!str ",
  "---",
  "...",
  "%YAML 1.1",
  "~",
  "null",
  "yes",
  "no",
  "1e3",
  "0x10",
  ".inf",
  "2020-01-01",
  "run_all",
  "needs: [a]",
  "version: 6",
  "outputs: {}",
  "\u00a0",
  "\r",
  "\uFEFF",
  "é",
  "🙂",
  "python:latest",
  "cohortextractor:latest generate_cohort",
  "ehrql:v1 generate-dataset --output x.csv",
  "../a.csv",
  "output/**/a.csv",
  "metadata/a.csv",
  "a.pdf",
  "\\",
];

type Mutation = (lines: string[]) => string[];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.nat().map(
    (i): Mutation =>
      (lines) =>
        lines.filter((_, j) => j !== i % Math.max(lines.length, 1)),
  ),
  fc.nat().map(
    (i): Mutation =>
      (lines) => {
        const j = i % Math.max(lines.length, 1);
        return [...lines.slice(0, j + 1), lines[j] ?? "", ...lines.slice(j + 1)];
      },
  ),
  fc.tuple(fc.nat(), fc.nat()).map(
    ([a, b]): Mutation =>
      (lines) => {
        const out = [...lines];
        const i = a % Math.max(out.length, 1);
        const j = b % Math.max(out.length, 1);
        [out[i], out[j]] = [out[j] ?? "", out[i] ?? ""];
        return out;
      },
  ),
  fc.tuple(fc.nat(), fc.integer({ min: -4, max: 4 })).map(
    ([i, d]): Mutation =>
      (lines) =>
        lines.map((l, j) =>
          j === i % Math.max(lines.length, 1) ? (d >= 0 ? " ".repeat(d) + l : l.slice(-d)) : l,
        ),
  ),
  fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(...FRAGMENTS)).map(
    ([i, c, frag]): Mutation =>
      (lines) =>
        lines.map((l, j) => {
          if (j !== i % Math.max(lines.length, 1)) return l;
          const at = c % (l.length + 1);
          return l.slice(0, at) + frag + l.slice(at);
        }),
  ),
  fc.tuple(fc.nat(), fc.string({ maxLength: 12 })).map(
    ([i, s]): Mutation =>
      (lines) =>
        lines.map((l, j) => (j === i % Math.max(lines.length, 1) ? l.replace(/:\s.*$/, `: ${s}`) : l)),
  ),
  fc.nat().map(
    (n): Mutation =>
      (lines) =>
        lines.slice(0, n % (lines.length + 1)),
  ),
);

/** A real project file with one to four mutations applied. */
export function mutatedProjectText(files: readonly string[]): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...files), fc.array(mutation, { minLength: 1, maxLength: 4 }), fc.boolean())
    .map(([text, mutations, crlf]) => {
      let lines = text.split(/\r?\n/);
      for (const m of mutations) lines = m(lines);
      return lines.join(crlf ? "\r\n" : "\n");
    });
}

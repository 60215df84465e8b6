// js-yaml 4 accepts a quoted scalar or a flow collection ([…], {…}) whose later lines are indented
// no deeper than the block it sits in:
//
//   b: "first
//   second"
//
// The YAML spec, the platform's parser and the positioned parser all refuse that. This watches the
// fast parse (as a js-yaml listener) and flags any such node that spans lines without every later
// line indented deeper than where its own line's content starts, so the file goes to the positioned
// parse. The test is stricter than YAML's (it may send a few valid files the slow way), never looser.
// Tagged nodes are sent the slow way too.
import type { State } from "js-yaml";

const LINE_CONTENT = /^ *(?:-[ \t]+)*/;
const PROPERTIES = /[ \t\r\n]*(?:&[^\s]*[ \t]+)*/y;

export class FlowIndentationGuard {
  private readonly open: { position: number; line: number }[] = [];
  doubtful = false;

  readonly listener = (event: "open" | "close", state: State): void => {
    if (event === "open") {
      this.open.push({ position: state.position, line: state.line });
      return;
    }
    const start = this.open.pop();
    if (start === undefined || this.doubtful) return;
    // A node opens before the space that separates it from its key; its anchor comes first.
    PROPERTIES.lastIndex = start.position;
    PROPERTIES.test(state.input);
    const first = PROPERTIES.lastIndex;
    const char = state.input[first];
    // A tag (`!`, `!!str`) is rare here, and js-yaml 4 reads some tagged empty nodes differently.
    if (char === "!") this.doubtful = true;
    else if (state.line !== start.line && (char === '"' || char === "'" || char === "[" || char === "{")) {
      if (!laterLinesIndented(state.input, first, state.position)) this.doubtful = true;
    }
  };
}
function laterLinesIndented(text: string, from: number, to: number): boolean {
  const lineStart = text.lastIndexOf("\n", from - 1) + 1;
  const column = LINE_CONTENT.exec(text.slice(lineStart, from))![0].length;
  for (let nl = text.indexOf("\n", from); nl !== -1 && nl < to; nl = text.indexOf("\n", nl + 1)) {
    let i = nl + 1;
    while (text[i] === " ") i++;
    const blank = i >= text.length || text[i] === "\n" || text[i] === "\r";
    if (!blank && i - (nl + 1) <= column) return false;
  }
  return true;
}

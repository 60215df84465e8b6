// The slash-command grammar: where a command may stand in a comment, how its words and flags are
// read, and what a typo or a bad command gets back.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { closest, editDistance } from "../../src/app/commands/did-you-mean.ts";
import { findCommand, MAX_COMMAND_CHARS } from "../../src/app/commands/find-command.ts";
import { renderHelp } from "../../src/app/commands/help.ts";
import { MAX_ACTIONS, parseCommand } from "../../src/app/commands/parse-command.ts";

const WORD = "opensafely";

describe("findCommand", () => {
  it("finds a command at the start of a line, with the rest of the line as its arguments", () => {
    expect(findCommand("/opensafely run render_report", WORD)).toEqual({
      kind: "command",
      line: 1,
      args: "run render_report",
    });
    expect(findCommand("Thanks!\n\n  /opensafely   run a b  \nmore text", WORD)).toEqual({
      kind: "command",
      line: 3,
      args: "run a b",
    });
    expect(findCommand("/opensafely", WORD)).toEqual({ kind: "command", line: 1, args: "" });
  });

  it("reads Windows line ends and any case of the word", () => {
    expect(findCommand("hello\r\n/OpenSAFELY status\r\n", WORD)).toEqual({
      kind: "command",
      line: 2,
      args: "status",
    });
  });

  it("uses the configured word", () => {
    expect(findCommand("/trestle run a", "trestle")).toMatchObject({ kind: "command", args: "run a" });
    expect(findCommand("/opensafely run a", "trestle")).toEqual({ kind: "none" });
  });

  it("ignores commands that are not at the start of a line", () => {
    for (const body of [
      "please /opensafely run a",
      "- /opensafely run a",
      "    /opensafely run a",
      "\t/opensafely run a",
      "`/opensafely run a`",
      "/opensafelyrun a",
      "/opensafely/run a",
    ]) {
      expect(findCommand(body, WORD), body).toEqual({ kind: "none" });
    }
  });

  it("ignores commands in fenced code blocks, quotes and HTML comments", () => {
    const bodies = [
      "```\n/opensafely run a\n```",
      "~~~sh\n/opensafely run a\n~~~",
      "````\n```\n/opensafely run a\n```\n````",
      "> /opensafely run a",
      ">/opensafely run a",
      "  > quoted\n> /opensafely run a",
      "<!-- /opensafely run a -->",
      "<!--\n/opensafely run a\n-->",
      "text <!-- note\n/opensafely run a\n-->",
    ];
    for (const body of bodies) expect(findCommand(body, WORD), body).toEqual({ kind: "none" });
  });

  it("finds a command after a code block closes, and in an unclosed block finds none", () => {
    expect(findCommand("```\nx\n```\n/opensafely status", WORD)).toMatchObject({ kind: "command", line: 4 });
    expect(findCommand("```\n/opensafely status", WORD)).toEqual({ kind: "none" });
    // A backtick fence cannot be closed by a tilde fence.
    expect(findCommand("```\n~~~\n/opensafely status\n```", WORD)).toEqual({ kind: "none" });
    // Inline code that starts a line is not a fence.
    expect(findCommand("```x``` and\n/opensafely status", WORD)).toMatchObject({ kind: "command", line: 2 });
  });

  it("drops a comment that follows the command on its line", () => {
    expect(findCommand("/opensafely run a <!-- b -->", WORD)).toMatchObject({ args: "run a" });
  });

  it("reports several commands rather than choosing one", () => {
    expect(findCommand("/opensafely run a\n/opensafely run b", WORD)).toEqual({
      kind: "several",
      lines: [1, 2],
    });
  });

  it("reports a near miss of the word, but not other bots' commands", () => {
    expect(findCommand("/opensafley run a", WORD)).toEqual({
      kind: "near-miss",
      line: 1,
      typed: "opensafley",
    });
    expect(findCommand("/opnsafely run a", WORD)).toMatchObject({ kind: "near-miss" });
    for (const body of ["/assign @me", "/lgtm", "/retest", "/open it"]) {
      expect(findCommand(body, WORD), body).toEqual({ kind: "none" });
    }
    // Short words are not guessed at: `/ok` is not a typo of `/os`.
    expect(findCommand("/ok", "os")).toEqual({ kind: "none" });
    // The real command wins over a near miss elsewhere.
    expect(findCommand("/opensafley x\n/opensafely status", WORD)).toMatchObject({
      kind: "command",
      line: 2,
    });
  });

  it("refuses an overlong command line and copes with huge comments", () => {
    expect(findCommand(`/opensafely run ${"a ".repeat(MAX_COMMAND_CHARS)}`, WORD)).toEqual({
      kind: "too-long",
      line: 1,
    });
    const huge = `${"lorem ipsum ".repeat(200_000)}\n${"```\n".repeat(5_000)}${"<!--".repeat(10_000)}`;
    const started = performance.now();
    expect(findCommand(huge, WORD)).toEqual({ kind: "none" });
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("never throws, whatever the comment", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (body) => {
        const found = findCommand(body, WORD);
        expect(["none", "command", "too-long", "several", "near-miss"]).toContain(found.kind);
      }),
    );
  });
});

describe("parseCommand", () => {
  it("reads run with actions, the force flag and a backend", () => {
    expect(parseCommand("run render_report")).toEqual({
      ok: true,
      command: { kind: "run", actions: ["render_report"], forceRunDependencies: false, backend: null },
    });
    expect(parseCommand("run a b -f --backend tpp")).toEqual({
      ok: true,
      command: { kind: "run", actions: ["a", "b"], forceRunDependencies: true, backend: "tpp" },
    });
    expect(parseCommand("Run --force-run-dependencies --backend=test run_all")).toEqual({
      ok: true,
      command: { kind: "run", actions: ["run_all"], forceRunDependencies: true, backend: "test" },
    });
  });

  it("respects quotes and removes repeated names", () => {
    expect(parseCommand(`run "my action" a a 'b'`)).toMatchObject({
      command: { actions: ["my action", "a", "b"] },
    });
  });

  it("reads cancel with and without actions, and the commands that take nothing", () => {
    expect(parseCommand("cancel")).toEqual({ ok: true, command: { kind: "cancel", actions: [] } });
    expect(parseCommand("cancel a b")).toEqual({
      ok: true,
      command: { kind: "cancel", actions: ["a", "b"] },
    });
    for (const kind of ["status", "graph", "help"] as const) {
      expect(parseCommand(kind)).toEqual({ ok: true, command: { kind } });
      expect(parseCommand(kind.toUpperCase())).toEqual({ ok: true, command: { kind } });
    }
    expect(parseCommand("")).toEqual({ ok: true, command: { kind: "help" } });
  });

  it("suggests the command meant by a typo", () => {
    expect(parseCommand("rnu a")).toEqual({
      ok: false,
      problem: "`rnu` is not a command. Did you mean `run`?",
      subcommand: null,
    });
    expect(parseCommand("stauts")).toMatchObject({
      problem: "`stauts` is not a command. Did you mean `status`?",
    });
    expect(parseCommand("deploy now")).toEqual({
      ok: false,
      problem: "`deploy` is not a command.",
      subcommand: null,
    });
  });

  it("explains bad flags and missing arguments", () => {
    expect(parseCommand("run a --force")).toEqual({
      ok: false,
      problem: "`--force` is not an option. Did you mean `--force-run-dependencies`?",
      subcommand: "run",
    });
    expect(parseCommand("run a --bakend tpp")).toMatchObject({
      problem: "`--bakend` is not an option. Did you mean `--backend`?",
    });
    expect(parseCommand("run a -x")).toMatchObject({
      problem: "`-x` is not an option. The options are `--force-run-dependencies`, `-f`, `--backend`.",
    });
    expect(parseCommand("run a --backend")).toMatchObject({ problem: "`--backend` needs a value." });
    expect(parseCommand("run a --backend --f")).toMatchObject({ problem: "`--backend` needs a value." });
    expect(parseCommand("run a --force-run-dependencies=yes")).toMatchObject({
      problem: "`--force-run-dependencies` does not take a value.",
    });
    expect(parseCommand("run")).toMatchObject({
      ok: false,
      problem: "Say which actions to run, or `run_all` to run them all.",
    });
    expect(parseCommand("run -f")).toMatchObject({ ok: false, subcommand: "run" });
    expect(parseCommand("cancel --all")).toMatchObject({
      problem: "`--all` is not an option here; this command takes no options.",
    });
    expect(parseCommand("status please")).toEqual({
      ok: false,
      problem: "`status` takes no arguments.",
      subcommand: "status",
    });
  });

  it("refuses hostile input with a clear problem", () => {
    expect(parseCommand('run "a')).toEqual({
      ok: false,
      problem: "A quotation mark is not closed.",
      subcommand: null,
    });
    expect(parseCommand("run a --backend ../../etc")).toMatchObject({
      problem: "`../../etc` is not a backend name (letters, digits, `-` and `_`).",
    });
    expect(parseCommand(`run ${"x".repeat(201)}`)).toMatchObject({
      problem: "Action names are at most 200 characters long.",
    });
    expect(
      parseCommand(`run ${Array.from({ length: MAX_ACTIONS + 1 }, (_, i) => `a${i}`).join(" ")}`),
    ).toMatchObject({
      problem: `At most ${MAX_ACTIONS} actions can be named in one command.`,
    });
    expect(parseCommand('run ""')).toMatchObject({ problem: "An action name cannot be empty." });
    // Backticks in what was typed cannot break out of the code span the reply shows it in.
    const reply = parseCommand("``` x");
    expect(reply).toMatchObject({ ok: false, problem: "```` ``` ```` is not a command." });
  });

  it("never throws, whatever follows the word", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (args) => {
        const parsed = parseCommand(args);
        if (!parsed.ok) expect(parsed.problem.length).toBeGreaterThan(0);
      }),
    );
  });
});

describe("did you mean", () => {
  it("counts a swap of neighbours as one edit", () => {
    expect(editDistance("rnu", "run")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("abcdef", "uvwxyz", 2)).toBe(3);
  });

  it("picks the closest candidate within the typo allowance", () => {
    expect(closest("make_sfae", ["extract", "make_safe", "render_report"])).toBe("make_safe");
    expect(closest("render", ["extract", "make_safe", "render_report"])).toBeNull();
    expect(closest("x".repeat(500), ["x"])).toBeNull();
  });
});

describe("help", () => {
  it("is written for the configured word and lists the backends", () => {
    const help = renderHelp({ word: "trestle", backends: ["test", "tpp"], defaultBackend: "test" });
    expect(help).toContain("| `/trestle run <action…>` |");
    expect(help).toContain("| `/trestle cancel [<action…>]` |");
    expect(help).toContain("Backends: `test`, `tpp` (the default is `test`).");
    expect(renderHelp({ word: "opensafely", backends: [], defaultBackend: null })).toContain(
      "No backend is configured for this App yet",
    );
  });
});

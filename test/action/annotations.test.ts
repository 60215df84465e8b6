import { describe, expect, it } from "vitest";
import { AnnotationBudget, fileAnnotation, issueAnnotations } from "../../src/action/annotations.ts";
import type { Issue } from "../../src/pipeline/index.ts";

const issue = (severity: Issue["severity"], line: number, message = `problem on ${line}`): Issue => ({
  severity,
  code: "x",
  message,
  path: [],
  line,
  column: 2,
});

describe("the annotation budget", () => {
  it("allows 10 of each kind, less what is reserved, and gives reservations back", () => {
    const budget = new AnnotationBudget({ error: 1, warning: 2 });
    expect(Array.from({ length: 12 }, () => budget.take("error")).filter(Boolean)).toHaveLength(9);
    expect(Array.from({ length: 12 }, () => budget.take("warning")).filter(Boolean)).toHaveLength(8);
    expect(Array.from({ length: 12 }, () => budget.take("notice")).filter(Boolean)).toHaveLength(10);
    budget.release("error", 1);
    expect(budget.take("error")).toBe(true);
    expect(budget.take("error")).toBe(false);
  });

  it("annotates issues in file order within the budget and hands back the rest", () => {
    const errors = Array.from({ length: 12 }, (_, i) => issue("error", 40 - i));
    const warnings = [issue("warning", 1), issue("warning", 50)];
    const result = issueAnnotations(
      { errors, warnings },
      "study/project.yaml",
      new AnnotationBudget({ error: 1 }),
    );
    expect(result.commands).toHaveLength(11);
    expect(result.commands[0]).toBe("::warning file=study/project.yaml,line=1,col=2::problem on 1");
    expect(result.commands[1]).toBe("::error file=study/project.yaml,line=29,col=2::problem on 29");
    expect(result.commands.at(-1)).toBe("::warning file=study/project.yaml,line=50,col=2::problem on 50");
    expect(result.hidden.map((i) => i.line)).toEqual([38, 39, 40]);
  });

  it("escapes messages and file names so they cannot end the command", () => {
    const hostile = issue("error", 3, "a\nb::error::c %0A, 100%");
    const [command] = issueAnnotations(
      { errors: [hostile], warnings: [] },
      "a,b:c.yaml",
      new AnnotationBudget(),
    ).commands;
    expect(command).toBe("::error file=a%2Cb%3Ac.yaml,line=3,col=2::a%0Ab::error::c %250A, 100%25");
    expect(fileAnnotation("error", "x\ny", "codelists/codelists.txt")).toBe(
      "::error file=codelists/codelists.txt::x%0Ay",
    );
  });
});

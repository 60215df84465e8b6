import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  cancelRequestSchema,
  createRequestSchema,
  openApiDocument,
  parseBody,
  statusRequestSchema,
} from "../../src/rap/index.ts";

const validCreate = {
  rap_id: "a1b2c3d4e5f6g7h8",
  backend: "test",
  workspace: "test-study",
  repo_url: "https://github.com/opensafely/test-study",
  branch: "main",
  commit: "07d5f283bb66f52a49933b016cf8dc144cfc7180",
  database_name: "default",
  requested_actions: ["action1"],
  codelists_ok: true,
  force_run_dependencies: false,
  created_by: "test_user",
  project: "test-project",
  orgs: ["opensafely"],
};

describe("request schemas", () => {
  it("accept the controller's own example bodies", () => {
    expect(parseBody(createRequestSchema, validCreate).ok).toBe(true);
    expect(parseBody(cancelRequestSchema, { rap_id: "a1b2c3d4e5f6g7h8", actions: ["action1"] }).ok).toBe(
      true,
    );
    expect(parseBody(statusRequestSchema, { rap_ids: ["a1b2c3d4e5f6g7h8"] }).ok).toBe(true);
    const scoped = { ...validCreate, analysis_scope: { dataset_permissions: ["appointments"] } };
    expect(parseBody(createRequestSchema, scoped).ok).toBe(true);
  });

  it("name missing properties the way the controller does", () => {
    const { rap_id: _, ...rest } = validCreate;
    expect(parseBody(createRequestSchema, rest)).toEqual({
      ok: false,
      details: "Invalid request body received: 'rap_id' is a required property",
    });
    expect(parseBody(statusRequestSchema, {})).toEqual({
      ok: false,
      details: "Invalid request body received: 'rap_ids' is a required property",
    });
  });

  it("refuse wrong types, bad ids, bad commits and workspace names that could leave their folder", () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ rap_id: 12 }, "rap_id"],
      [{ rap_id: "ABCDEFGH12345678" }, "rap_id"],
      [{ rap_id: "a1b2c3d4e5f6g7h" }, "rap_id"],
      [{ commit: "07d5f28" }, "commit"],
      [{ commit: "07D5F283BB66F52A49933B016CF8DC144CFC7180" }, "commit"],
      [{ workspace: "../../etc" }, "Invalid workspace name"],
      [{ workspace: "a/b" }, "Invalid workspace name"],
      [{ backend: "te st" }, "backend"],
      [{ requested_actions: [] }, "requested_actions"],
      [{ requested_actions: "run_all" }, "requested_actions"],
      [{ database_name: "include_everything" }, "database_name"],
      [{ codelists_ok: "true" }, "codelists_ok"],
      [{ orgs: [1] }, "orgs[0]"],
    ];
    for (const [override, mention] of cases) {
      const result = parseBody(createRequestSchema, { ...validCreate, ...override });
      expect(result.ok, JSON.stringify(override)).toBe(false);
      if (!result.ok) expect(result.details).toContain(mention);
    }
  });

  it("refuse bodies that are not objects", () => {
    for (const body of [null, [], "text", 3, true]) {
      expect(parseBody(createRequestSchema, body)).toEqual({
        ok: false,
        details: "Invalid request body received: the body must be a JSON object",
      });
    }
  });

  it("refuse huge strings and lists without echoing them", () => {
    const huge = "x".repeat(100_000);
    for (const override of [
      { workspace: huge },
      { repo_url: huge },
      { created_by: huge },
      { requested_actions: [huge] },
      { requested_actions: Array.from({ length: 5000 }, (_, i) => `a${i}`) },
    ]) {
      const result = parseBody(createRequestSchema, { ...validCreate, ...override });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.details.length).toBeLessThan(1000);
    }
  });

  it("ignore __proto__ and unknown keys instead of merging them", () => {
    const hostile = JSON.parse(
      `{"__proto__": {"polluted": true}, "extra": 1, "rap_ids": ["a1b2c3d4e5f6g7h8"]}`,
    );
    const result = parseBody(statusRequestSchema, hostile);
    expect(result).toEqual({ ok: true, value: { rap_ids: ["a1b2c3d4e5f6g7h8"] } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("never throw, whatever JSON value comes in", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        for (const schema of [createRequestSchema, cancelRequestSchema, statusRequestSchema]) {
          const result = parseBody(schema, value);
          expect(typeof result.ok).toBe("boolean");
        }
      }),
    );
  });
});

describe("openApiDocument", () => {
  it("describes the four endpoints with schemas generated from the zod schemas", () => {
    const doc = openApiDocument() as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: Record<string, { required?: string[]; properties?: Record<string, unknown> }> };
    };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths).sort()).toEqual([
      "/backend/status/",
      "/rap/cancel/",
      "/rap/create/",
      "/rap/status/",
    ]);
    const create = doc.components.schemas.createRequestBody!;
    expect(create.required?.sort()).toEqual(
      Object.keys(validCreate).sort(), // every property of the example except the optional analysis_scope
    );
    expect(Object.keys(create.properties ?? {})).toContain("analysis_scope");
    expect(JSON.stringify(create.properties?.rap_id)).toContain("^[a-z0-9]{16}$");
    expect(doc.components.schemas.statusResponse?.required).toEqual(["jobs", "unrecognised_rap_ids"]);
  });
});

// The App's backends and job-request settings from the environment, and clear problems (never a
// token's text) when they are wrong.
import { describe, expect, it } from "vitest";
import { jobsConfigFromEnv, repoUrlFor, tokenVariable } from "../../src/app/job-requests/config.ts";

const SECRET = "s3cret-token-value-000000000000";

describe("jobsConfigFromEnv", () => {
  it("reads backends, their tokens and the defaults", () => {
    const result = jobsConfigFromEnv({
      TRESTLE_BACKENDS:
        "test=http://127.0.0.1:8000/controller/v1, tpp-dev=https://rap.example.org/controller/v1/",
      TRESTLE_BACKEND_TOKEN_TEST: SECRET,
      TRESTLE_BACKEND_TOKEN_TPP_DEV: "another-token-value-0000",
      TRESTLE_PUBLIC_URL: "https://trestle.example.org/",
      TRESTLE_POLL_SECONDS: "5",
    });
    expect(result).toEqual({
      ok: true,
      config: {
        backends: [
          { slug: "test", apiUrl: "http://127.0.0.1:8000/controller/v1/", token: SECRET },
          {
            slug: "tpp-dev",
            apiUrl: "https://rap.example.org/controller/v1/",
            token: "another-token-value-0000",
          },
        ],
        defaultBackend: "test",
        databasePath: "trestle-app.db",
        publicUrl: "https://trestle.example.org",
        repoUrlTemplate: "https://github.com/{owner}/{repo}",
        pollIntervalMs: 5000,
      },
    });
  });

  it("has sensible defaults with no backend at all, and follows GHE_HOST", () => {
    const result = jobsConfigFromEnv({ GHE_HOST: "github.example.org" });
    expect(result).toMatchObject({
      ok: true,
      config: {
        backends: [],
        defaultBackend: null,
        pollIntervalMs: 30_000,
        publicUrl: null,
        databasePath: null,
      },
    });
    if (result.ok) {
      expect(repoUrlFor(result.config.repoUrlTemplate, "o", "r")).toBe("https://github.example.org/o/r");
    }
  });

  it("names every problem without printing a token", () => {
    const result = jobsConfigFromEnv({
      TRESTLE_BACKENDS: `test=ftp://x,good=http://${SECRET}@host/,dup=http://a/,dup=http://b/,bad slug=http://c/,lonely=http://d/`,
      TRESTLE_BACKEND_TOKEN_DUP: SECRET,
      TRESTLE_DEFAULT_BACKEND: "nope",
      TRESTLE_PUBLIC_URL: "not a url",
      TRESTLE_REPO_URL: "https://github.com/fixed",
      TRESTLE_POLL_SECONDS: "0",
    });
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems).toEqual([
      "TRESTLE_BACKENDS entry 1 (test): must be an http:// or https:// URL.",
      "TRESTLE_BACKENDS entry 2 (good): must not hold credentials; tokens have their own variables.",
      "TRESTLE_BACKENDS entry 4 repeats the backend dup.",
      "TRESTLE_BACKENDS entry 5 must be slug=URL with a slug of letters, digits, - and _.",
      "TRESTLE_BACKEND_TOKEN_LONELY must hold the token for the backend lonely.",
      "TRESTLE_DEFAULT_BACKEND names nope, which TRESTLE_BACKENDS does not list.",
      "TRESTLE_PUBLIC_URL: is not a URL.",
      "TRESTLE_REPO_URL must contain {owner} and {repo}.",
      "TRESTLE_POLL_SECONDS must be a number of seconds from 0.05 to 3600.",
    ]);
    expect(problems.join("\n")).not.toContain(SECRET);
  });

  it("names token variables from slugs", () => {
    expect(tokenVariable("nhsd-dev")).toBe("TRESTLE_BACKEND_TOKEN_NHSD_DEV");
  });
});

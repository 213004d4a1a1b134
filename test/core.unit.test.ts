/** Pure pieces of the core, tested directly from src/. */
import type { AxiosError } from "axios";
import { describe, expect, it } from "vitest";
import { apiBaseUrl } from "../src/account";
import { AuthSession, clearMemoryTokenCache } from "../src/auth";
import { expandPath, isRetryable, type ProPipeLinesClient, toQuery } from "../src/client";

describe("expandPath", () => {
  it("encodes each value as one segment, so an ID cannot change the path", () => {
    expect(expandPath("/leads/{id}", { id: "1/../../users" })).toBe("/leads/1%2F..%2F..%2Fusers");
    expect(expandPath("/leads/{id}/comments/{comment}", { id: 8113, comment: "a b?c#d" })).toBe(
      "/leads/8113/comments/a%20b%3Fc%23d",
    );
  });

  it("refuses empty, '.' and '..' segments", () => {
    for (const id of ["", ".", ".."])
      expect(() => expandPath("/leads/{id}", { id })).toThrow(/identifier/);
    expect(() => expandPath("/leads/{id}", {})).toThrow(/identifier/);
  });
});

describe("apiBaseUrl", () => {
  it("maps a slug and account addresses to the API base URL", () => {
    expect(apiBaseUrl("acme")).toBe("https://acme.propipelines.com/api/v2");
    expect(apiBaseUrl(" ACME ")).toBe("https://acme.propipelines.com/api/v2");
    expect(apiBaseUrl("https://acme.propipelines.com")).toBe(
      "https://acme.propipelines.com/api/v2",
    );
    expect(apiBaseUrl("https://acme.propipelines.com/api/v2/")).toBe(
      "https://acme.propipelines.com/api/v2",
    );
    expect(apiBaseUrl("http://127.0.0.1:4010")).toBe("http://127.0.0.1:4010/api/v2");
    expect(apiBaseUrl("http://localhost:4010/")).toBe("http://localhost:4010/api/v2");
  });

  it("refuses other hosts, plain http off loopback, ports and credentials", () => {
    for (const bad of [
      "evil.com/x",
      "https://propipelines.com",
      "https://a.b.propipelines.com",
      "http://acme.propipelines.com",
      "https://acme.propipelines.com:8443",
      "javascript:alert(1)",
    ]) {
      expect(() => apiBaseUrl(bad), bad).toThrow(/^Account: /);
    }
  });
});

describe("toQuery", () => {
  it("joins arrays with commas and drops empty values", () => {
    expect(
      toQuery({
        status: ["todo", "won"],
        step: [],
        user_id: undefined,
        email: "",
        limit: 100,
        starred: true,
      }),
    ).toEqual({
      status: "todo,won",
      limit: "100",
      starred: "true",
    });
  });
});

describe("isRetryable", () => {
  const err = (method: string, status?: number, code?: string) =>
    ({
      config: { method },
      response: status ? { status } : undefined,
      code,
      isAxiosError: true,
    }) as unknown as AxiosError;
  it("retries idempotent methods on 5xx and network errors only", () => {
    expect(isRetryable(err("get", 500))).toBe(true);
    expect(isRetryable(err("put", 503))).toBe(true);
    expect(isRetryable(err("delete", undefined, "ECONNRESET"))).toBe(true);
    expect(isRetryable(err("post", 500))).toBe(false);
    expect(isRetryable(err("post", undefined, "ECONNRESET"))).toBe(false);
    expect(isRetryable(err("get", 429))).toBe(false);
    expect(isRetryable(err("get", 404))).toBe(false);
  });
});

describe("AuthSession", () => {
  it("reuses a token found in instanceState without fetching", async () => {
    const settings = {
      kind: "userLogin",
      baseUrl: "http://127.0.0.1:1/api/v2",
      email: "a@b.co",
      password: "pw-unit",
    } as const;
    const first = new AuthSession(settings, {});
    const fakeClient = {
      send: async () => ({ status: 200, data: { token: "tok-unit" }, headers: {} }),
    } as unknown as ProPipeLinesClient;
    expect(await first.authHeaders(fakeClient)).toEqual({ "X-USER-TOKEN": "tok-unit" });
    expect(first.tokenFetches).toBe(1);
    const state = first.stateUpdate();
    expect(state).toBeDefined();
    expect(JSON.stringify(state)).not.toContain("pw-unit");

    clearMemoryTokenCache();
    const failing = {
      send: async () => Promise.reject(new Error("must not fetch")),
    } as unknown as ProPipeLinesClient;
    const second = new AuthSession(settings, { ...state });
    expect(await second.authHeaders(failing)).toEqual({ "X-USER-TOKEN": "tok-unit" });
    expect(second.tokenFetches).toBe(0);
    expect(second.stateUpdate()).toBeUndefined();
  });
});

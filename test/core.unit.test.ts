/** Pure pieces of the core, tested directly from src/. */
import { describe, expect, it } from "vitest";
import { apiBaseUrl } from "../src/account";
import {
  type ConnectionSettings,
  isCredentialRejection,
  isRenewableRejection,
  type UserToken,
} from "../src/auth";
import { formatResetTime, REDIRECT, UNREADABLE_ANSWER } from "../src/errors";
import { readAnswer } from "../src/http/answer";
import { type ApiRequest, expandPath, toQuery } from "../src/http/request";
import { Redactor } from "../src/secrets";
import { Session, STATE_KEY } from "../src/session";

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
  it("maps a slug, a bare host and account addresses to the API base URL", () => {
    const base = "https://acme.propipelines.com/api/v2";
    for (const account of [
      "acme",
      " ACME ",
      "acme.propipelines.com",
      "ACME.ProPipeLines.com",
      "acme.propipelines.com/",
      "acme.propipelines.com/leads/8113",
      "https://acme.propipelines.com",
      "HTTPS://Acme.PROPIPELINES.com/api/v2/",
      "https://acme.propipelines.com/dashboard?tab=leads#top",
    ]) {
      expect(apiBaseUrl(account), account).toBe(base);
    }
    expect(apiBaseUrl("http://127.0.0.1:4010")).toBe("http://127.0.0.1:4010/api/v2");
    expect(apiBaseUrl("http://localhost:4010/")).toBe("http://localhost:4010/api/v2");
  });

  it("refuses other hosts, plain http off loopback, ports and credentials", () => {
    for (const bad of [
      "evil.com/x",
      "https://propipelines.com",
      "https://a.b.propipelines.com",
      "http://acme.propipelines.com",
      "acme.propipelines.com:8443",
      "https://acme.propipelines.com:8443",
      "https://user:pw@acme.propipelines.com",
      "acme.propipelines.com@evil.example",
      "acme.propipelines.com.evil.example",
      "javascript:alert(1)",
      "ftp://acme.propipelines.com",
    ]) {
      expect(() => apiBaseUrl(bad), bad).toThrow(/^Account: /);
    }
  });

  it("never quotes a value without a dot (a pasted key), nor the whole value", () => {
    for (const pasted of ["91Jy7X_xreymBRMASfTF8", "key with spaces +/="]) {
      expect(() => apiBaseUrl(pasted)).toThrow(/^Account: /);
      try {
        apiBaseUrl(pasted);
      } catch (error) {
        expect((error as Error).message).not.toContain(pasted.slice(0, 8));
      }
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

describe("formatResetTime", () => {
  it("gives an ISO date from an ISO date, epoch seconds or epoch milliseconds", () => {
    expect(formatResetTime("2026-03-12T00:00:00.000Z")).toBe("2026-03-12T00:00:00Z");
    expect(formatResetTime("2026-03-12T01:00:00+01:00")).toBe("2026-03-12T00:00:00Z");
    expect(formatResetTime("1773273600")).toBe("2026-03-12T00:00:00Z");
    expect(formatResetTime("1773273600000")).toBe("2026-03-12T00:00:00Z");
    expect(formatResetTime("soon")).toBeUndefined();
    expect(formatResetTime(undefined)).toBeUndefined();
  });
});

describe("Redactor", () => {
  it("masks each secret as is, percent-encoded, JSON-escaped and base64, in any case", () => {
    const secret = 'pa"ss wörd/+';
    const redactor = new Redactor().add(secret, undefined, "");
    const text = [
      secret,
      secret.toUpperCase(),
      encodeURIComponent(secret),
      JSON.stringify(secret),
      Buffer.from(secret).toString("base64"),
    ].join(" | ");
    const masked = redactor.redact(text);
    expect(masked).not.toContain("ss w");
    expect(masked).not.toContain(Buffer.from(secret).toString("base64"));
    expect(masked.match(/\[redacted\]/g)?.length).toBeGreaterThanOrEqual(5);
  });

  it("masks values written after a credential's name, even unknown ones", () => {
    expect(new Redactor().redact('X-API-KEY: abc123, "password":"x y"')).toBe(
      'X-API-KEY: [redacted], "password":"[redacted]"',
    );
    expect(new Redactor().redact("Authorization: Basic dXNlcjpwdw==")).toBe(
      "Authorization: Basic [redacted]",
    );
  });
});

describe("readAnswer", () => {
  const get = (expect?: ApiRequest["expect"], extra: Partial<ApiRequest> = {}): ApiRequest => ({
    method: "GET",
    path: "/leads",
    expect,
    ...extra,
  });
  const base = "https://acme.propipelines.com/api/v2";
  const read = (req: ApiRequest, status: number, body: string, headers = {}) =>
    readAnswer(req, base, status, headers, body);

  it("returns JSON, and a list where a list is expected", () => {
    expect(read(get(), 200, '{"id":1}')).toEqual({ ok: true, data: { id: 1 } });
    expect(read(get("list"), 200, "[1,2]")).toEqual({ ok: true, data: [1, 2] });
  });

  it("calls unreadable (and retryable) what is not the expected JSON", () => {
    const cases: Array<[ApiRequest, string, RegExp]> = [
      [get(), '{"id": 1, "ti', /incomplete or malformed JSON/],
      [get("list"), "<html><title>Down for maintenance</title></html>", /HTML page \("Down/],
      [get("list"), "", /empty answer where a list/],
      [get(), "  ", /empty answer where data/],
      [get("list"), '{"error":"x"}', /a JSON object where a list/],
      [get("list"), "null", /null where a list/],
      [get(), "OK", /text that is not JSON/],
    ];
    for (const [req, body, what] of cases) {
      const reading = read(req, 200, body);
      expect(reading.ok, body).toBe(false);
      if (reading.ok) continue;
      expect(reading.failure.code).toBe(UNREADABLE_ANSWER);
      expect(reading.failure.apiMessage).toMatch(what);
      expect(reading.retryable).toBe(true);
    }
  });

  it("lets documented empty answers through", () => {
    expect(read(get("empty"), 200, "")).toEqual({ ok: true, data: null });
    expect(read(get("json", { acceptStatuses: [304] }), 304, "")).toEqual({
      ok: true,
      data: null,
    });
    expect(read(get(), 204, "")).toEqual({ ok: true, data: null });
    expect(read(get("list"), 204, "").ok).toBe(false);
  });

  it("calls a 3xx a redirect, naming only the other origin, never retryable", () => {
    const reading = read(get(), 307, "", { location: "http://127.0.0.1:9/steal?k=1" });
    expect(reading).toMatchObject({
      ok: false,
      retryable: false,
      failure: { status: 307, code: REDIRECT, apiMessage: "to http://127.0.0.1:9, not followed" },
    });
  });

  it("reads the API's message and type; retries 5xx only", () => {
    const body = '{"error":404,"message":"Entry not found","type":"record_not_found"}';
    expect(read(get(), 404, body)).toMatchObject({
      ok: false,
      retryable: false,
      failure: { status: 404, apiMessage: "Entry not found", type: "record_not_found" },
    });
    expect(read(get(), 503, "<html><title>Bad gateway</title>")).toMatchObject({
      retryable: true,
      failure: { apiMessage: 'an HTML page ("Bad gateway")' },
    });
    expect(read(get(), 429, "{}", { "api-limit-reset": "1773273600" })).toMatchObject({
      retryable: false,
      failure: { resetAt: "2026-03-12T00:00:00Z" },
    });
  });
});

describe("401 classification", () => {
  const r = (type: string | undefined, apiMessage = "Unauthorized") => ({
    status: 401,
    type,
    apiMessage,
  });
  it("renews on the live types, falls back on the message only without a type", () => {
    expect(isRenewableRejection(r("unauthorized_invalid_token"))).toBe(true);
    expect(isRenewableRejection(r("unauthorized_disabled_token"))).toBe(true);
    expect(isRenewableRejection(r("unauthorized_invalid_api_key"))).toBe(false);
    expect(isRenewableRejection(r("not_api_key", "Unauthorized: token expired"))).toBe(false);
    expect(isRenewableRejection(r(undefined, "Unauthorized: invalid api_key"))).toBe(true);
    expect(isRenewableRejection(r(undefined, "you cannot use this with a USER token"))).toBe(false);
    expect(isRenewableRejection({ status: 403, apiMessage: "x" })).toBe(false);
  });

  it("tells refused credentials from actions that need another connection", () => {
    for (const type of [
      "unauthorized_invalid_token",
      "unauthorized_invalid_api_key",
      "unauthorized_missing_token",
      "unauthorized_disabled_token",
      "invalid_login",
    ]) {
      expect(isCredentialRejection(r(type)), type).toBe(true);
    }
    for (const type of [
      "not_api_key",
      "unauthorized_user_token_not_allowed",
      "unauthorized_not_admin",
    ]) {
      expect(isCredentialRejection(r(type)), type).toBe(false);
    }
    expect(isCredentialRejection(r(undefined, "the user has not the privileges"))).toBe(false);
  });
});

describe("Session", () => {
  const login = (password = "pw-unit"): ConnectionSettings => ({
    kind: "userLogin",
    baseUrl: "http://127.0.0.1:1/api/v2",
    email: `Unit-${Math.random()}@example.com`,
    password,
  });
  const fetcher = (tokens: string[], calls: { count: number }) => async (): Promise<UserToken> => {
    calls.count += 1;
    await new Promise((resolve) => setTimeout(resolve, 5));
    return { token: tokens[calls.count - 1] ?? "tok-extra", isAdmin: false };
  };

  it("stores the token under account and user, with nothing derived from the password", async () => {
    const settings = login("correct horse battery staple");
    const calls = { count: 0 };
    const first = new Session(settings, { other: 1 }, fetcher(["tok-unit"], calls));
    expect(await first.authHeaders()).toEqual({ "X-USER-TOKEN": "tok-unit" });
    const state = first.stateUpdate() as Record<string, unknown>;
    expect(state.other).toBe(1);
    const tokens = (state[STATE_KEY] as { tokens: Record<string, unknown> }).tokens;
    expect(Object.keys(tokens)).toEqual([
      `login http://127.0.0.1:1/api/v2 ${settings.kind === "userLogin" && settings.email.toLowerCase()}`,
    ]);
    expect(Object.values(tokens)[0]).toMatchObject({ token: "tok-unit", isAdmin: false });
    expect(JSON.stringify(state)).not.toMatch(/correct|horse|staple/);
    expect(first.knownIsAdmin()).toBe(false);

    // Another credential for the same user does not pick the token from memory, but does from
    // the state it is handed (a changed password shows as a 401 and a renewal).
    const changed = { ...settings, password: "new" } as ConnectionSettings;
    const noState = new Session(changed, {}, fetcher(["tok-other"], { count: 0 }));
    expect(await noState.authHeaders()).toEqual({ "X-USER-TOKEN": "tok-other" });
    const newer = { ...settings, password: "newer" } as ConnectionSettings;
    const withState = new Session(newer, state, fetcher([], { count: 0 }));
    expect(await withState.authHeaders()).toEqual({ "X-USER-TOKEN": "tok-unit" });
    expect(withState.stateUpdate()).toBeUndefined();
  });

  it("shares one fetch between concurrent sessions, and one renewal", async () => {
    const settings = login();
    const calls = { count: 0 };
    const fetch = fetcher(["tok-1", "tok-2"], calls);
    const sessions = Array.from({ length: 20 }, () => new Session(settings, {}, fetch));
    const first = await Promise.all(sessions.map((s) => s.authHeaders()));
    expect(calls.count).toBe(1);
    expect(new Set(first.map((h) => h["X-USER-TOKEN"]))).toEqual(new Set(["tok-1"]));
    const renewed = await Promise.all(sessions.map((s, i) => s.renew(first[i] ?? {})));
    expect(calls.count).toBe(2);
    expect(new Set(renewed.map((h) => h["X-USER-TOKEN"]))).toEqual(new Set(["tok-2"]));
    expect(sessions.reduce((n, s) => n + s.tokenFetches, 0)).toBe(2);
  });

  it("drops the old password-keyed state, keeps page sizes, and knows an API key is admin", () => {
    const key: ConnectionSettings = {
      kind: "apiKey",
      baseUrl: "https://a.propipelines.com/api/v2",
      apiKey: "k",
    };
    const session = new Session(key, { propipelinesTokens: { abc: 1 } }, fetcher([], { count: 0 }));
    expect(session.knownIsAdmin()).toBe(true);
    session.rememberPageSize("/leads", 100);
    const state = session.stateUpdate() as Record<string, unknown>;
    expect(state.propipelinesTokens).toBeUndefined();
    expect(state[STATE_KEY]).toEqual({
      tokens: {},
      pageSizes: { "https://a.propipelines.com/api/v2/leads": 100 },
    });
    expect(new Session(key, state, fetcher([], { count: 0 })).acceptedPageSize("/leads")).toBe(100);
  });
});

/**
 * Credentials against a hostile account server speaking the live API's 401 types: renewal on
 * `type` (the message only without one), spectral's ConnectionError for refused credentials
 * with a hint naming the Account, and no credential in any error or log line, even from a
 * server that echoes them back.
 */
import { isConnectionError } from "@prismatic-io/spectral";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { useFastTransport } from "./bundle";
import {
  apiKeyConnection,
  basicAuth,
  captureLogs,
  errorOf,
  expectSent,
  harness,
  loginConnection,
  serialize,
} from "./helpers";
import { apiError, json, useHostile } from "./hostile/server";

useFastTransport();

const KEY = "liveKey7Qw_91JyXxreymBRMAS";
const EMAIL = "stef@example.com";
const PASSWORD = "s3cret Pass:word/é";
const BASIC = basicAuth(EMAIL, PASSWORD);

/** Tokens the server issued, and which are valid. */
const issued: string[] = [];
const valid = new Set<string>();
/** How a token the server does not know is refused. */
let refusal: { type?: string; message: string } = {
  type: "unauthorized_invalid_token",
  message: "Unauthorized: invalid api_key",
};
let echo: "none" | "401" | "500" | "400" | "redirect" = "none";
/** Refuse every token, even one just issued. */
let refuseAll = false;

const issue = () => {
  const token = `tok-${Math.random().toString(36).slice(2)}-${issued.length}`;
  issued.push(token);
  valid.add(token);
  return token;
};

const server = useHostile((req, res) => {
  const key = req.headers["x-api-key"];
  const token = req.headers["x-user-token"];
  const auth = req.headers.authorization;
  const echoed = `key=${key} token=${token} auth=${auth} query=${JSON.stringify(req.query)}`;
  if (echo === "401")
    return apiError(res, 401, `Unauthorized: ${echoed}`, "unauthorized_invalid_token");
  if (echo === "500") {
    res.writeHead(502, { "Content-Type": "text/html" });
    return res.end(`<html><title>Proxy error ${key ?? token}</title><body>${echoed}</body></html>`);
  }
  if (echo === "400")
    return apiError(res, 400, `Parameter format: ${echoed}`, "bad_parameter_format");
  if (echo === "redirect") {
    res.writeHead(302, {
      Location: `http://${String(key ?? token ?? "x").toLowerCase()}.example/?a=${auth}`,
    });
    return res.end();
  }
  if (req.path === "/auth/login") {
    if (auth !== BASIC) return apiError(res, 401, "Invalid login or password", "invalid_login");
    return json(res, 200, { token: issue(), user_email: EMAIL, is_admin: false });
  }
  if (req.path === "/auth/log_as") {
    if (key !== KEY)
      return apiError(res, 401, "Unauthorized: invalid api_key", "unauthorized_invalid_token");
    return json(res, 200, { token: issue(), user_id: Number(req.query.user_id), is_admin: true });
  }
  if (token !== undefined) {
    if (!valid.has(token) || refuseAll) return apiError(res, 401, refusal.message, refusal.type);
    return json(res, 200, { status: 200, message: "Your USER token is correct." });
  }
  if (key !== KEY)
    return apiError(res, 401, "Unauthorized: invalid api_key", "unauthorized_invalid_token");
  if (req.path === "/quota") {
    res.writeHead(429, { "Content-Type": "application/json", "API-LIMIT-RESET": "1773273600" });
    return res.end('{"error":429,"message":"Too many requests","type":"too_many_requests"}');
  }
  return json(res, 200, { status: 200, message: "Your API key is correct." });
});

beforeEach(() => {
  echo = "none";
  refuseAll = false;
  refusal = { type: "unauthorized_invalid_token", message: "Unauthorized: invalid api_key" };
});

/** A distinct Act as User per test keeps the process's token cache out of the way. */
const actAs = (user: string) => apiKeyConnection(server, { apiKey: KEY, actAsUser: user });
const ping = (connection: unknown, instanceState: Record<string, unknown> = {}) =>
  harness.action("testConnection", { connection }, { instanceState });

describe("a rejected user token is renewed on the API's type", () => {
  it.each([
    ["unauthorized_invalid_token", "Unauthorized: invalid api_key"],
    ["unauthorized_disabled_token", "Your token has been disabled"],
    [undefined, "Unauthorized: invalid api_key"],
  ])("type %s: one renewal, then the call succeeds", async (type, message) => {
    refusal = { type, message };
    const connection = actAs(`renew-${type}@example.com`);
    const first = await ping(connection);
    valid.clear();
    server.clearLog();
    const second = await ping(connection, first?.instanceState);
    expect(second?.data).toEqual({ status: 200, message: "Your USER token is correct." });
    expectSent(server, [
      { method: "GET", path: "/ping", headers: { "x-user-token": issued.at(-2) } },
      {
        method: "GET",
        path: "/auth/log_as",
        query: { user_id: `renew-${type}@example.com` },
        headers: { "x-api-key": KEY, "x-user-token": undefined },
      },
      { method: "GET", path: "/ping", headers: { "x-user-token": issued.at(-1) } },
    ]);
    expect(JSON.stringify(second?.instanceState)).toContain(issued.at(-1));
  });

  it("not on a 401 about the action (not_api_key), even when its message sounds like a token", async () => {
    const connection = actAs("not-api-key@example.com");
    await ping(connection);
    valid.clear();
    refusal = { type: "not_api_key", message: "Unauthorized: invalid token for this action" };
    server.clearLog();
    const error = await errorOf(ping(connection));
    expectSent(server, [
      { method: "GET", path: "/ping", headers: { "x-user-token": issued.at(-1) } },
    ]);
    expect(error).toMatchObject({ name: "ApiError", status: 401, type: "not_api_key" });
    expect(isConnectionError(error)).toBe(false);
    expect(error.message).toContain("only allowed with the account's API key");
  });

  it("a renewed token refused again: a ConnectionError, after exactly one renewal", async () => {
    const connection = actAs("refused-twice@example.com");
    const first = await ping(connection);
    refuseAll = true;
    server.clearLog();
    const error = await errorOf(ping(connection, first?.instanceState));
    expectSent(server, [
      { method: "GET", path: "/ping", headers: { "x-user-token": issued.at(-2) } },
      {
        method: "GET",
        path: "/auth/log_as",
        query: { user_id: "refused-twice@example.com" },
        headers: { "x-api-key": KEY },
      },
      { method: "GET", path: "/ping", headers: { "x-user-token": issued.at(-1) } },
    ]);
    expect(isConnectionError(error)).toBe(true);
    expect(error).toMatchObject({ status: 401, type: "unauthorized_invalid_token" });
  });
});

describe("refused credentials are spectral's ConnectionError", () => {
  it("a wrong API key: status, type and a hint naming the Account and the API Key", async () => {
    const connection = apiKeyConnection(server, { apiKey: `${KEY}-old` });
    const error = await errorOf(ping(connection));
    expectSent(server, [{ method: "GET", path: "/ping", headers: { "x-api-key": `${KEY}-old` } }]);
    expect(isConnectionError(error)).toBe(true);
    expect(error).toMatchObject({
      name: "ApiError",
      status: 401,
      type: "unauthorized_invalid_token",
      apiMessage: "Unauthorized: invalid api_key",
      connection: { key: "apiKey", fields: {} },
    });
    expect(error.hint).toMatch(/Check the connection's Account and API Key/);
    expect(error.hint).toMatch(/unknown account exactly like wrong credentials/);
    expect(error.message).toContain(error.hint as string);
    expect(serialize(error)).not.toContain(KEY);
  });

  it("a wrong password: one login, a hint naming the Account, Email and Password", async () => {
    const connection = loginConnection(server, EMAIL, "wrong-password");
    const error = await errorOf(ping(connection));
    expectSent(server, [
      {
        method: "GET",
        path: "/auth/login",
        query: {},
        headers: { authorization: basicAuth(EMAIL, "wrong-password") },
      },
    ]);
    expect(isConnectionError(error)).toBe(true);
    expect(error).toMatchObject({ status: 401, type: "invalid_login" });
    expect(error.hint).toMatch(/Account, Email and Password/);
    expect(serialize(error)).not.toContain("wrong-password");
  });

  it("a wrong key behind Act as User: the log_as refusal, never retried or renewed", async () => {
    const error = await errorOf(
      ping(apiKeyConnection(server, { apiKey: "nope", actAsUser: "514" })),
    );
    expectSent(server, [
      {
        method: "GET",
        path: "/auth/log_as",
        query: { user_id: "514" },
        headers: { "x-api-key": "nope" },
      },
    ]);
    expect(isConnectionError(error)).toBe(true);
    expect(error.hint).toMatch(/Account, API Key and Act as User/);
  });
});

describe("API-LIMIT-RESET", () => {
  it("given in epoch seconds, is shown as a date", async () => {
    const error = await errorOf(
      harness.action("rawRequest", {
        connection: apiKeyConnection(server, { apiKey: KEY }),
        method: "GET",
        path: "/quota",
      }),
    );
    expectSent(server, [{ method: "GET", path: "/quota", query: {}, body: "" }]);
    expect(error).toMatchObject({ status: 429, resetAt: "2026-03-12T00:00:00Z" });
    expect(error.message).toContain("The quota resets at 2026-03-12T00:00:00Z.");
  });
});

describe("no credential in any error or log line", () => {
  const { output, capture, logger } = captureLogs();
  beforeEach(() => {
    output.length = 0;
    for (const m of ["log", "info", "warn", "error", "debug"] as const) {
      vi.spyOn(console, m).mockImplementation(capture);
    }
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("with servers echoing them in 401 bodies, proxy pages, 400 messages and redirects", async () => {
    const connections = () => [
      apiKeyConnection(server, { apiKey: KEY }),
      actAs("echo@example.com"),
      loginConnection(server, EMAIL, PASSWORD),
    ];
    const errors: unknown[] = [];
    const results: unknown[] = [];
    const run = async (connection: unknown) => {
      try {
        results.push(
          await harness.action(
            "rawRequest",
            {
              connection,
              method: "GET",
              path: "/leads",
              queryParams: [{ key: "q", value: "x" }],
              debugRequest: "true",
            },
            { logger },
          ),
        );
      } catch (error) {
        errors.push(error);
      }
    };
    // Successful calls first (tokens fetched and logged in debug), then every echo.
    for (const connection of connections()) await run(connection);
    for (const mode of ["401", "500", "400", "redirect"] as const) {
      for (const connection of connections()) {
        echo = "none";
        await ping(connection); // a token in place, so the echo holds it
        echo = mode;
        await run(connection);
      }
    }
    expect(results).toHaveLength(3);
    expect(errors).toHaveLength(12);
    const secrets = [
      KEY,
      PASSWORD,
      encodeURIComponent(PASSWORD),
      Buffer.from(`${EMAIL}:${PASSWORD}`).toString("base64"),
      Buffer.from(KEY).toString("base64"),
      ...issued,
    ];
    const text = [...errors.map((e) => `${(e as Error).message}\n${serialize(e)}`), ...output].join(
      "\n",
    );
    expect(output.join("\n")).toContain("Pro Pipe Lines request: GET /leads");
    expect(text).toContain("[redacted]");
    for (const secret of secrets) expect(text.toLowerCase()).not.toContain(secret.toLowerCase());
    const data = results.map((r) => JSON.stringify((r as { data: unknown }).data)).join("\n");
    for (const secret of secrets) expect(data).not.toContain(secret);
  });

  it("an API key pasted into the Account is not quoted back", async () => {
    for (const [account, apiKey] of [
      [KEY, KEY],
      [KEY, "another-key"],
      [`https://${KEY.toLowerCase().replace("_", "")}.example/x`, KEY.replace("_", "")],
    ] as const) {
      const error = await errorOf(ping(apiKeyConnection(server, { account, apiKey })));
      expect(error).toMatchObject({ name: "InputError", input: "Account" });
      expect(error.message.toLowerCase()).not.toContain(apiKey.toLowerCase().slice(0, 10));
    }
    expectSent(server, []);
  });
});

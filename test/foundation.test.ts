/**
 * The foundation through the harness on the built component: connections, token caching,
 * retries, error mapping and secret hygiene. Retries wait 1 ms (the bundle's transportSettings).
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import { useFastTransport } from "./bundle";
import { DEFAULT_API_KEY, HttpError } from "./emulator";
import {
  actionError,
  actionRunner,
  apiKeyConnection,
  basicAuth,
  captureLogs,
  errorRunner,
  expectSent,
  harness,
  loginConnection,
  serialize,
  USER_PASSWORD,
  useEmulator,
} from "./helpers";

const emu = useEmulator({ profile: "live" }); // the live 401 wording and types
useFastTransport();

const run = actionRunner(emu);
const errorFrom = errorRunner(emu);

beforeEach(() => {
  emu.clearFaults();
  emu.dailyQuota = 2000;
  emu.requestsToday = 0;
  emu.suspended = false;
});

describe("Test Connection", () => {
  it("sends exactly one GET /api/v2/ping with X-API-KEY", async () => {
    const key = emu.newApiKey();
    const result = await run("testConnection", {}, apiKeyConnection(emu, { apiKey: key }));
    expect(result?.data).toEqual({ status: 200, message: "Your API key is correct." });
    expectSent(emu, [
      {
        method: "GET",
        path: "/ping",
        query: {},
        body: undefined,
        headers: {
          "x-api-key": key,
          "x-user-token": undefined,
          accept: expect.stringContaining("application/json"),
        },
        status: 200,
      },
    ]);
  });

  it("accepts the account with a trailing /api/v2", async () => {
    await run("testConnection", {}, apiKeyConnection(emu, { account: `${emu.account}/api/v2/` }));
    expectSent(emu, [{ method: "GET", path: "/ping", query: {}, status: 200 }]);
  });

  it("accepts the account in any letter case, with a page's path after the host", async () => {
    const account = `${emu.account.replace("http://127.0.0.1", "HTTP://LOCALHOST")}/Leads/8113?x=1`;
    await run("testConnection", {}, apiKeyConnection(emu, { account }));
    expectSent(emu, [{ method: "GET", path: "/ping", query: {} }]);
  });
});

describe("API Key connection with Act as User", () => {
  it("fetches the user token once for ten calls that pass state along", async () => {
    const connection = apiKeyConnection(emu, {
      apiKey: emu.newApiKey(),
      actAsUser: "john.doe@mycompany.com",
    });
    let instanceState: Record<string, unknown> = {};
    for (let i = 0; i < 10; i++) {
      const result = await run("testConnection", {}, connection, { instanceState });
      expect(result?.data).toEqual({ status: 200, message: "Your USER token is correct." });
      instanceState = { ...instanceState, ...(result?.instanceState ?? {}) };
    }
    expectSent(emu, [
      { method: "GET", path: "/auth/log_as", query: { user_id: "john.doe@mycompany.com" } },
      ...Array.from({ length: 10 }, () => ({
        method: "GET",
        path: "/ping",
        headers: { "x-user-token": expect.stringMatching(/^tok-/), "x-api-key": undefined },
      })),
    ]);
    // The state holds the token under a hash, never the API key itself.
    expect(JSON.stringify(instanceState)).not.toContain("emulator-key");
  });

  it("fetches a new token once when the cached one is rejected", async () => {
    const connection = apiKeyConnection(emu, { apiKey: emu.newApiKey(), actAsUser: "515" });
    await run("testConnection", {}, connection);
    emu.revokeTokens();
    await run("testConnection", {}, connection);
    expectSent(emu, [
      { method: "GET", path: "/auth/log_as", query: { user_id: "515" }, status: 200 },
      { method: "GET", path: "/ping", status: 200 },
      { method: "GET", path: "/ping", status: 401 },
      { method: "GET", path: "/auth/log_as", query: { user_id: "515" }, status: 200 },
      { method: "GET", path: "/ping", status: 200 },
    ]);
  });
});

describe("User Login connection", () => {
  it("logs in once for ten calls, and once more after a 401", async () => {
    const connection = loginConnection(emu, "support@mycompany.com");
    let instanceState: Record<string, unknown> = {};
    for (let i = 0; i < 10; i++) {
      const result = await run("testConnection", {}, connection, { instanceState });
      instanceState = { ...instanceState, ...(result?.instanceState ?? {}) };
    }
    const login = {
      method: "GET",
      path: "/auth/login",
      query: {},
      headers: { authorization: basicAuth("support@mycompany.com", USER_PASSWORD) },
      status: 200,
    };
    const ping = { method: "GET", path: "/ping", status: 200 };
    expectSent(emu, [login, ...Array.from({ length: 10 }, () => ping)]);

    emu.revokeTokens();
    const result = await run("testConnection", {}, connection, { instanceState });
    expect(result?.data).toEqual({ status: 200, message: "Your USER token is correct." });
    expectSent(emu, [
      login,
      ...Array.from({ length: 10 }, () => ping),
      { method: "GET", path: "/ping", status: 401 },
      login,
      ping,
    ]);
  });

  it("explains a wrong password without echoing it", async () => {
    const error = await actionError("testConnection", {
      connection: loginConnection(emu, "stef@example.com", "wrong-password-123"),
    });
    expect(error.message).toContain("401");
    expect(error.message).toContain("Invalid login or password");
    expect(serialize(error)).not.toContain("wrong-password-123");
    expectSent(emu, [
      {
        method: "GET",
        path: "/auth/login",
        headers: { authorization: basicAuth("stef@example.com", "wrong-password-123") },
        status: 401,
      },
    ]);
  });
});

describe("Account validation", () => {
  const refused = [
    "evil.com/x",
    "https://attacker.example",
    "http://acme.propipelines.com",
    "https://acme.propipelines.com.attacker.example",
    "https://user:pass@acme.propipelines.com",
    "acme.propipelines.com:8443",
    "ftp://127.0.0.1",
    "",
  ];
  for (const account of refused) {
    it(`refuses "${account}" before any connection`, async () => {
      const error = await actionError("testConnection", {
        connection: apiKeyConnection(emu, { account }),
      });
      expect(error.name).toBe("InputError");
      expect(error.message).toMatch(/^Account: /);
      expect(error.message).toMatch(/slug \(acme\)|address/);
      expectSent(emu, []);
    });
  }
});

describe("API errors", () => {
  it("401: status, the API's message and a hint; type kept for branching", async () => {
    const error = await actionError("testConnection", {
      connection: apiKeyConnection(emu, { apiKey: "not-a-key" }),
    });
    expect(error.message).toContain("401");
    expect(error.message).toContain("Unauthorized: invalid api_key");
    expect(error.message).toContain("Check the connection's Account and API Key");
    expect(error.status).toBe(401);
    expect(error.type).toBe("unauthorized_invalid_token");
    expectSent(emu, [
      { method: "GET", path: "/ping", headers: { "x-api-key": "not-a-key" }, status: 401 },
    ]);
  });

  it("402: the subscription is suspended", async () => {
    emu.suspended = true;
    const error = await errorFrom("testConnection");
    expect(error.message).toContain("402");
    expect(error.message).toContain("Suspended account: pay your subscription to use the API.");
    expect(error.message).toContain("subscription is suspended");
    expect(error.type).toBe("suspended_account");
    expectSent(emu, [{ method: "GET", path: "/ping", status: 402 }]);
  });

  it("404: the record does not exist", async () => {
    const error = await errorFrom("rawRequest", { method: "GET", path: "/no_such_resource/1" });
    expect(error.status).toBe(404);
    expect(error.message).toContain("Entry not found");
    expect(error.message).toContain("does not exist");
    expectSent(emu, [{ method: "GET", path: "/no_such_resource/1", query: {}, status: 404 }]);
  });

  it("422: the API's message and a hint", async () => {
    emu.router.on("POST", "/test/unprocessable", () => {
      throw new HttpError(422, "Unprocessable -- Unable to perform your request", "unprocessable");
    });
    const error = await errorFrom("rawRequest", {
      method: "POST",
      path: "/test/unprocessable",
      body: '{"a": 1}',
    });
    expect(error.status).toBe(422);
    expect(error.message).toContain("422");
    expect(error.message).toContain("Unprocessable -- Unable to perform your request");
    expectSent(emu, [{ method: "POST", path: "/test/unprocessable", body: { a: 1 }, status: 422 }]);
  });

  it("429: sent exactly once, says the daily quota is spent and when it resets", async () => {
    emu.dailyQuota = 0;
    const error = await errorFrom("testConnection");
    expect(error.status).toBe(429);
    expect(error.message).toContain("Too many requests");
    expect(error.message).toContain("daily quota of 2000");
    expect(error.message).toMatch(/resets at \d{4}-\d{2}-\d{2}T/);
    expectSent(emu, [{ method: "GET", path: "/ping", status: 429 }]);
  });

  it("500 on GET: retried with backoff and recovers", async () => {
    emu.failNext(2, "500");
    const result = await run("testConnection");
    expect(result?.data).toMatchObject({ status: 200 });
    expectSent(emu, [
      { method: "GET", path: "/ping", status: 500 },
      { method: "GET", path: "/ping", status: 500 },
      { method: "GET", path: "/ping", status: 200 },
    ]);
  });

  it("500 on GET that persists: gives up after 3 retries with the status and message", async () => {
    emu.failNext(10, "500");
    const error = await errorFrom("testConnection");
    expect(error.status).toBe(500);
    expect(error.message).toContain("500");
    expect(error.message).toContain("Internal server error");
    expect(error.message).toContain("try again later");
    expectSent(
      emu,
      Array.from({ length: 4 }, () => ({ method: "GET", path: "/ping", status: 500 })),
    );
  });

  it("500 on PUT: retried (idempotent)", async () => {
    emu.router.on("PUT", "/test/idempotent", () => ({ body: { ok: true } }));
    emu.failNext(1, "500");
    const result = await run("rawRequest", {
      method: "PUT",
      path: "/test/idempotent",
      body: '{"x":1}',
    });
    expect(result?.data).toEqual({ ok: true });
    expectSent(emu, [
      { method: "PUT", path: "/test/idempotent", body: { x: 1 }, status: 500 },
      { method: "PUT", path: "/test/idempotent", body: { x: 1 }, status: 200 },
    ]);
  });

  it("500 on POST: sent exactly once, never retried", async () => {
    emu.router.on("POST", "/test/create", () => ({ body: { created: true } }));
    emu.failNext(1, "500");
    const error = await errorFrom("rawRequest", {
      method: "POST",
      path: "/test/create",
      body: '{"title":"x"}',
    });
    expect(error.status).toBe(500);
    expectSent(emu, [{ method: "POST", path: "/test/create", body: { title: "x" }, status: 500 }]);
  });

  it("connection reset on GET: retried and recovers", async () => {
    emu.failNext(1, "reset");
    const result = await run("testConnection");
    expect(result?.data).toMatchObject({ status: 200 });
    expectSent(emu, [
      { method: "GET", path: "/ping", status: -1 },
      { method: "GET", path: "/ping", status: 200 },
    ]);
  });

  it("connection reset on POST: sent exactly once, error names the network failure", async () => {
    emu.router.on("POST", "/test/create2", () => ({ body: { created: true } }));
    emu.failNext(1, "reset");
    const error = await errorFrom("rawRequest", {
      method: "POST",
      path: "/test/create2",
      body: '{"title":"x"}',
    });
    expect(error.status).toBe(0);
    expect(error.message).toContain("could not be reached");
    expect(error.message).toMatch(/ECONNRESET|socket hang up|connection failed/);
    expectSent(emu, [{ method: "POST", path: "/test/create2", body: { title: "x" }, status: -1 }]);
  });
});

describe("Raw Request", () => {
  it("sends the method, path, query, JSON body and extra headers with the connection's auth", async () => {
    emu.router.on("POST", "/test/echo", (ctx) => ({ body: { got: ctx.body } }));
    const result = await run("rawRequest", {
      method: "POST",
      path: "test/echo",
      queryParams: [{ key: "status", value: "todo,won" }],
      headers: [{ key: "Accept-Language", value: "fr" }],
      body: '{"title": "Awesome Company"}',
    });
    expect(result?.data).toEqual({ got: { title: "Awesome Company" } });
    expectSent(emu, [
      {
        method: "POST",
        path: "/test/echo",
        query: { status: "todo,won" },
        body: { title: "Awesome Company" },
        headers: {
          "accept-language": "fr",
          "x-api-key": DEFAULT_API_KEY,
          "content-type": expect.stringContaining("application/json"),
        },
        status: 200,
      },
    ]);
  });

  const escapes = [
    "../users",
    "/leads/../../users",
    "https://evil.example/x",
    "//evil.example/x",
    "/leads/%2e%2e/x",
    "/leads?x=1",
    "/a/%2F/b",
  ];
  for (const path of escapes) {
    it(`refuses the path "${path}" with no request`, async () => {
      const error = await errorFrom("rawRequest", { method: "GET", path });
      expect(error.name).toBe("InputError");
      expect(error.message).toMatch(/^Path: /);
      expectSent(emu, []);
    });
  }

  it("refuses credential headers with no request", async () => {
    const error = await errorFrom("rawRequest", {
      method: "GET",
      path: "/ping",
      headers: [{ key: "X-API-KEY", value: "other" }],
    });
    expect(error.message).toMatch(/^Headers: /);
    expectSent(emu, []);
  });

  it("refuses an unknown method with no request", async () => {
    const error = await errorFrom("rawRequest", { method: "PATCH", path: "/ping" });
    expect(error.message).toMatch(/^Method: /);
    expectSent(emu, []);
  });
});

describe("Secrets never leak", () => {
  it("not in error messages, serialized errors or log output", async () => {
    const apiKey = emu.newApiKey();
    const { output, capture, logger } = captureLogs();
    const spies = (["log", "info", "warn", "error", "debug"] as const).map((m) =>
      vi.spyOn(console, m).mockImplementation(capture),
    );
    const errors: unknown[] = [];
    try {
      // Debug logging of a successful call with the API key.
      await run(
        "rawRequest",
        { method: "GET", path: "/ping", debugRequest: "true" },
        apiKeyConnection(emu, { apiKey }),
      );
      // A token-based connection, then failures of every kind.
      await run("testConnection", {}, apiKeyConnection(emu, { apiKey, actAsUser: "514" }), {
        logger,
      });
      await harness.action(
        "rawRequest",
        {
          connection: apiKeyConnection(emu, { apiKey, actAsUser: "514" }),
          method: "GET",
          path: "/ping",
          debugRequest: "true",
        },
        { logger },
      );
      emu.failNext(10, "500");
      errors.push(
        await actionError(
          "rawRequest",
          {
            connection: apiKeyConnection(emu, { apiKey }),
            method: "GET",
            path: "/ping",
            debugRequest: "true",
          },
          { logger },
        ),
      );
      emu.clearFaults();
      emu.failNext(1, "reset");
      errors.push(
        await actionError(
          "rawRequest",
          {
            connection: apiKeyConnection(emu, { apiKey }),
            method: "POST",
            path: "/ping",
            debugRequest: "true",
          },
          { logger },
        ),
      );
      errors.push(
        await actionError(
          "testConnection",
          { connection: loginConnection(emu, "stef@example.com", "s3cret-Password!") },
          { logger },
        ),
      );
      errors.push(
        await actionError(
          "testConnection",
          { connection: apiKeyConnection(emu, { apiKey: `${apiKey}-wrong` }) },
          { logger },
        ),
      );
      emu.dailyQuota = 0;
      errors.push(
        await actionError(
          "testConnection",
          { connection: apiKeyConnection(emu, { apiKey }) },
          { logger },
        ),
      );
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    const tokens = [...emu.tokens.keys()];
    expect(tokens.length).toBeGreaterThan(0);
    const secrets = [
      apiKey,
      ...tokens,
      "s3cret-Password!",
      USER_PASSWORD,
      Buffer.from(`stef@example.com:s3cret-Password!`).toString("base64"),
    ];
    const everything = [
      ...errors.map((e) => `${(e as Error).message}\n${serialize(e)}`),
      ...output,
    ].join("\n");
    expect(errors).toHaveLength(5);
    expect(output.join("\n")).toContain("[redacted]");
    for (const secret of secrets) expect(everything).not.toContain(secret);
  });
});

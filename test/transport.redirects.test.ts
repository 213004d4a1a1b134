/**
 * Redirects are never followed: whatever the status or the target, the account's server gets
 * exactly one request, the target none (not even a TCP connection), and the step fails with a
 * clear error. Hostile loopback servers: one is the account, the other the "foreign host".
 */
import { describe, expect, it } from "vitest";
import { useFastTransport } from "./bundle";
import {
  apiKeyConnection,
  basicAuth,
  type ExpectedRequest,
  expectSent,
  harness,
  loginConnection,
  serialize,
} from "./helpers";
import { json, useHostile } from "./hostile/server";

useFastTransport();

const API_KEY = "hostile-key-5x9V2q_redirect";
const PASSWORD = "redirect pass-Word 42";

let location = "";
let status = 301;
const account = useHostile((_, res) => {
  res.writeHead(status, { Location: location, "Content-Type": "text/html" });
  res.end(`<html><title>Moved</title><a href="${location}">here</a></html>`);
});
const foreign = useHostile((_, res) => json(res, 200, { token: "foreign-token", status: 200 }));

const targets = (): Array<[string, string]> => [
  ["another host", `${foreign.url}/api/v2/ping?steal=1`],
  ["another host over https", `${foreign.url.replace("http:", "https:")}/api/v2/ping`],
  ["a scheme-relative address", `//${new URL(foreign.url).host}/api/v2/ping`],
  ["another path of the account", "/api/v2/users"],
  ["itself (a loop)", `${account.url}/api/v2/ping`],
];

/** Each step, and the one request the account must receive from it. */
const steps = (): Array<[string, () => Promise<unknown>, ExpectedRequest]> => [
  [
    "GET with the API key",
    () =>
      harness.action("testConnection", {
        connection: apiKeyConnection(account, { apiKey: API_KEY }),
      }),
    { method: "GET", path: "/ping", query: {}, body: "", headers: { "x-api-key": API_KEY } },
  ],
  [
    "POST with a JSON body",
    () =>
      harness.action("rawRequest", {
        connection: apiKeyConnection(account, { apiKey: API_KEY }),
        method: "POST",
        path: "/leads",
        body: '{"title":"Acme"}',
      }),
    {
      method: "POST",
      path: "/leads",
      query: {},
      body: '{"title":"Acme"}',
      headers: { "x-api-key": API_KEY },
    },
  ],
  [
    "the Act as User token fetch",
    () =>
      harness.action("testConnection", {
        connection: apiKeyConnection(account, { apiKey: API_KEY, actAsUser: "514" }),
      }),
    {
      method: "GET",
      path: "/auth/log_as",
      query: { user_id: "514" },
      body: "",
      headers: { "x-api-key": API_KEY },
    },
  ],
  [
    "the User Login token fetch",
    () =>
      harness.action("testConnection", {
        connection: loginConnection(account, "stef@example.com", PASSWORD),
      }),
    {
      method: "GET",
      path: "/auth/login",
      query: {},
      body: "",
      headers: { authorization: basicAuth("stef@example.com", PASSWORD) },
    },
  ],
];

describe.each([301, 302, 303, 307, 308])("a %i answer", (code) => {
  it("is one request, an error naming the Account, and nothing for the target", async () => {
    status = code;
    for (const [target, to] of targets()) {
      location = to;
      for (const [step, run, request] of steps()) {
        account.clearLog();
        const what = `${step}, redirected to ${target}`;
        let error: (Error & Record<string, unknown>) | undefined;
        try {
          await run();
        } catch (thrown) {
          error = thrown as Error & Record<string, unknown>;
        }
        expect(error, what).toBeDefined();
        expect(error, what).toMatchObject({ name: "ApiError", status: code, code: "REDIRECT" });
        expect(error?.message, what).toMatch(/answered with a redirect/);
        expect(error?.message, what).toMatch(/Check the connection's Account/);
        expectSent(account, [request], what);
        const text = serialize(error);
        for (const secret of [API_KEY, PASSWORD, "steal"]) expect(text, what).not.toContain(secret);
      }
    }
    expect(foreign.connections).toBe(0);
    expectSent(foreign, []);
  });
});

describe("what the account received", () => {
  it("the request as built, and the target's origin only in the message", async () => {
    status = 307;
    location = `${foreign.url}/api/v2/leads`;
    const error = await harness
      .action("rawRequest", {
        connection: apiKeyConnection(account, { apiKey: API_KEY }),
        method: "POST",
        path: "/leads",
        body: '{"title":"Acme"}',
      })
      .catch((e: unknown) => e as Error);
    expectSent(account, [
      {
        method: "POST",
        path: "/leads",
        query: {},
        body: '{"title":"Acme"}',
        headers: { "x-api-key": API_KEY, "content-type": expect.stringContaining("json") },
      },
    ]);
    expect((error as Error).message).toContain(`to ${foreign.url}, not followed`);
    expect(foreign.connections).toBe(0);
  });
});

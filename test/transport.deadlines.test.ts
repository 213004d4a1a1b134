/**
 * Deadlines over the whole transfer: an answer trickling a byte at a time, or never starting,
 * is aborted at the attempt's deadline; retries share the request's budget and every request
 * the step's. The deadlines are shortened through the bundle's transportSettings (150 ms per
 * attempt, 400 ms per request, 300 ms per step where tested) instead of waiting 30 s; the
 * scenarios run concurrently, each against its own server.
 */
import type { ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { DEFAULT_TRANSPORT, transportSettings, useFastTransport } from "./bundle";
import { apiKeyConnection, expectSent, harness } from "./helpers";
import { type Hostile, hostile, json } from "./hostile/server";

useFastTransport({ attemptTimeoutMs: 150, requestBudgetMs: 400 });

/** Starts a JSON answer and sends one more byte every 20 ms, forever. */
function trickle(res: ServerResponse): void {
  res.writeHead(200, { "Content-Type": "application/json" });
  res.write("[");
  const timer = setInterval(() => res.write(" "), 20);
  res.on("close", () => clearInterval(timer));
}

const stall = (_: ServerResponse) => undefined;

/** Runs `step` against a server answering with `answer`; the time it took to fail. */
async function failing(
  answer: (res: ServerResponse) => void,
  step: (server: Hostile) => Promise<unknown>,
) {
  const server = hostile((_, res) => answer(res));
  await server.start();
  const started = Date.now();
  try {
    await step(server);
  } catch (error) {
    const ms = Date.now() - started;
    // The last socket's close may reach the server a moment after the step failed.
    for (let i = 0; i < 20 && server.aborted < server.log.length; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await server.close();
    return { error: error as Error & Record<string, unknown>, ms, server };
  }
  await server.close();
  throw new Error("the step did not fail");
}

const connection = (server: Hostile) => apiKeyConnection(server, { apiKey: "deadline-key" });

describe("the documented defaults", () => {
  it("30 s per attempt, 60 s per request with 3 retries from 0.3 s, 5 min per step", () => {
    expect(DEFAULT_TRANSPORT).toEqual({
      attemptTimeoutMs: 30_000,
      retries: 3,
      retryBaseDelayMs: 300,
      requestBudgetMs: 60_000,
      stepBudgetMs: 300_000,
    });
  });
});

describe.concurrent.each([
  ["trickling one byte every 20 ms", trickle],
  ["stalled before its headers", stall],
])("an answer %s", (_, answer) => {
  it("GET: each attempt aborted at 150 ms, retries stop at the 400 ms request budget", async () => {
    const { error, ms, server } = await failing(answer, (s) =>
      harness.action("testConnection", { connection: connection(s) }),
    );
    expect(error).toMatchObject({ name: "ApiError", status: 0, code: "TIMEOUT" });
    expect(error.message).toMatch(
      /could not be reached \(TIMEOUT\) on GET \/ping: no complete answer within 0\.\d s/,
    );
    expect(ms).toBeGreaterThanOrEqual(390);
    expect(ms).toBeLessThan(700);
    // How many attempts fit in the budget depends on timing: a range, then each one exactly.
    const attempts = server.log.length;
    expect(attempts).toBeGreaterThanOrEqual(2);
    expect(attempts).toBeLessThanOrEqual(1 + transportSettings.retries);
    expectSent(
      server,
      Array.from({ length: attempts }, () => ({
        method: "GET",
        path: "/ping",
        query: {},
        body: "",
      })),
    );
    // Every attempt was cut by the client, not finished by the server.
    expect(server.aborted).toBe(attempts);
  });

  it("POST: one attempt, aborted at 150 ms, never retried", async () => {
    const { error, ms, server } = await failing(answer, (s) =>
      harness.action("rawRequest", {
        connection: connection(s),
        method: "POST",
        path: "/leads",
        body: '{"title":"Acme"}',
      }),
    );
    expect(error).toMatchObject({ status: 0, code: "TIMEOUT" });
    expect(ms).toBeGreaterThanOrEqual(145);
    expect(ms).toBeLessThan(400);
    expectSent(server, [{ method: "POST", path: "/leads", query: {}, body: '{"title":"Acme"}' }]);
  });
});

describe("the step's budget", () => {
  it("bounds a Fetch All whose every page is slow but complete", async () => {
    const before = transportSettings.stepBudgetMs;
    transportSettings.stepBudgetMs = 300;
    let next = 1;
    const slowPages = (res: ServerResponse) => {
      setTimeout(
        () =>
          json(
            res,
            200,
            Array.from({ length: 1000 }, () => ({ id: next++ })),
          ),
        50,
      );
    };
    try {
      const { error, ms, server } = await failing(slowPages, (s) =>
        harness.action("listLeads", {
          connection: connection(s),
          fetchAll: "true",
          maxRecords: "100000",
        }),
      );
      expect(error).toMatchObject({ name: "ApiError", status: 0, code: "TIMEOUT" });
      expect(ms).toBeLessThan(300 + 250);
      // How many pages fit in the budget depends on timing: a range, then each one's method and path.
      const pages = server.log.length;
      expect(pages).toBeGreaterThanOrEqual(3);
      expect(pages).toBeLessThanOrEqual(7);
      expectSent(
        server,
        Array.from({ length: pages }, () => ({ method: "GET", path: "/leads" })),
      );
    } finally {
      transportSettings.stepBudgetMs = before;
    }
  });
});

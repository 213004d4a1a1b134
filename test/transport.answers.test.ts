/**
 * Every 2xx answer is checked against what the step expects: truncated JSON, an HTML page, an
 * empty body or a non-list where a list is expected is an "unreadable answer" error for Get,
 * List, Fetch All, data sources and the polling trigger — never data, never an empty list.
 * Idempotent requests retry it like a 5xx (backoff shortened to 1 ms); a POST does not.
 */
import { describe, expect, it } from "vitest";
import { useFastTransport } from "./bundle";
import { apiKeyConnection, errorOf, expectSent, harness } from "./helpers";
import { json, useHostile } from "./hostile/server";

useFastTransport();

const BROKEN = {
  "truncated JSON": '[{"id": 8113, "title": "Loretta',
  "an HTML maintenance page":
    "<!DOCTYPE html><html><head><title>Scheduled maintenance</title></head><body>Back soon</body></html>",
  "an empty body": "",
} as const;

/** Answers `broken` to the first `times` requests, then `good`. */
let broken = "";
let times = Number.POSITIVE_INFINITY;
let good: unknown = [];
const server = useHostile((req, res) => {
  if (server.log.length <= times) {
    res.writeHead(200, { "Content-Type": "application/json" });
    res.end(broken);
    return;
  }
  json(res, req.method === "POST" ? 201 : 200, good, { "X-TOTAL-COUNT": "1" });
});

const connection = () => apiKeyConnection(server, { apiKey: "answers-key" });

type Step = [name: string, method: string, path: string, run: () => Promise<unknown>];
const steps: Step[] = [
  [
    "Get Lead",
    "GET",
    "/leads/8113",
    () => harness.action("getLead", { connection: connection(), leadId: "8113" }),
  ],
  ["List Leads", "GET", "/leads", () => harness.action("listLeads", { connection: connection() })],
  [
    "List Leads, Fetch All",
    "GET",
    "/leads",
    () => harness.action("listLeads", { connection: connection(), fetchAll: "true" }),
  ],
  [
    "Select Lead",
    "GET",
    "/leads",
    () => harness.dataSource("selectLead", { connection: connection() }),
  ],
  [
    "Select Team",
    "GET",
    "/teams",
    () => harness.dataSource("selectTeam", { connection: connection() }),
  ],
  [
    "New or Updated Leads",
    "GET",
    "/leads",
    () =>
      harness.trigger(
        "newOrUpdatedLeads",
        undefined,
        { connection: connection() },
        { instanceState: {} },
      ),
  ],
];

describe.each(Object.entries(BROKEN))("a 200 with %s", (what, body) => {
  it.each(steps)(
    "%s: retried 3 times, then an unreadable-answer error",
    async (_, method, path, run) => {
      broken = body;
      times = Number.POSITIVE_INFINITY;
      const error = await errorOf(run());
      expect(error).toMatchObject({ name: "ApiError", status: 200, code: "UNREADABLE_ANSWER" });
      expect(error.message).toMatch(/^Pro Pipe Lines returned an unreadable answer on GET /);
      expect(error.message).toContain("try again later");
      if (what.includes("HTML")) expect(error.message).toContain('"Scheduled maintenance"');
      expectSent(
        server,
        Array.from({ length: 4 }, () => ({ method, path })),
      );
    },
  );

  it("Create Lead (POST): sent once, not retried", async () => {
    broken = body;
    times = Number.POSITIVE_INFINITY;
    const error = await errorOf(
      harness.action("createLead", {
        connection: connection(),
        title: "Acme",
        description: "From the web form",
      }),
    );
    expect(error).toMatchObject({ name: "ApiError", code: "UNREADABLE_ANSWER" });
    expectSent(server, [
      {
        method: "POST",
        path: "/leads",
        query: {},
        body: JSON.stringify({ title: "Acme", description: "From the web form" }),
      },
    ]);
  });
});

describe("a JSON object where a list is expected", () => {
  it.each(steps.slice(1))("%s: an error, never an empty list", async (_, method, path, run) => {
    broken = '{"leads": []}';
    times = Number.POSITIVE_INFINITY;
    const error = await errorOf(run());
    expect(error).toMatchObject({ name: "ApiError", code: "UNREADABLE_ANSWER" });
    expect(error.message).toContain("a JSON object where a list was expected");
    expectSent(
      server,
      Array.from({ length: 4 }, () => ({ method, path })),
    );
  });
});

describe("a passing fault", () => {
  it("one HTML page, then the list: the retry returns the list", async () => {
    broken = BROKEN["an HTML maintenance page"];
    times = 1;
    good = [{ id: 8113, title: "Loretta Inc." }];
    const result = await harness.action("listLeads", { connection: connection() });
    expect(result?.data).toEqual([expect.objectContaining({ id: 8113, title: "Loretta Inc." })]);
    const query = { include_unassigned: "true" };
    expectSent(server, [
      { method: "GET", path: "/leads", query },
      { method: "GET", path: "/leads", query },
    ]);
  });

  it("truncated JSON, then the lead: Get Lead returns the lead", async () => {
    broken = BROKEN["truncated JSON"];
    times = 2;
    good = { id: 8113, title: "Loretta Inc." };
    const result = await harness.action("getLead", { connection: connection(), leadId: "8113" });
    expect(result?.data).toMatchObject({ id: 8113, title: "Loretta Inc." });
    expectSent(
      server,
      Array.from({ length: 3 }, () => ({ method: "GET", path: "/leads/8113", query: {} })),
    );
  });
});

/**
 * Token fetches against the emulator: one in-flight fetch (and one renewal) per credential in a
 * process, and tokens carried in whatever state record the step has, so polls and actions in
 * fresh processes (fresh loads of dist/index.js) do not log in again. The state holds the token,
 * the account and the user, and nothing derived from a password or key.
 */
import { describe, expect, it } from "vitest";
import { freshBundle } from "./bundle";
import { apiKeyConnection, loginConnection, USER_PASSWORD, useEmulator } from "./helpers";

const emu = useEmulator();

type State = Record<string, unknown>;
const STEPS = 20;

/** Runs `STEPS` Test Connection steps at once (on a fresh bundle by default); their new states. */
async function parallelSteps(
  connection: unknown,
  instanceState: State = {},
  harness = freshBundle().harness,
) {
  const results = await Promise.all(
    Array.from({ length: STEPS }, () =>
      harness.action("testConnection", { connection }, { instanceState: { ...instanceState } }),
    ),
  );
  for (const result of results) {
    expect(result?.data).toEqual({ status: 200, message: "Your USER token is correct." });
  }
  return { harness, states: results.map((r) => r?.instanceState as State | undefined) };
}

describe.each([
  [
    "Act as User",
    "/auth/log_as",
    () => apiKeyConnection(emu, { apiKey: emu.newApiKey(), actAsUser: "515" }),
  ],
  ["User Login", "/auth/login", () => loginConnection(emu, "john.doe@mycompany.com")],
])("%s", (_, fetchPath, connect) => {
  it(`${STEPS} parallel steps with an empty state: one token fetch, one token`, async () => {
    const { states } = await parallelSteps(connect());
    expect(emu.requests("GET", fetchPath)).toHaveLength(1);
    const pings = emu.requests("GET", "/ping");
    expect(pings).toHaveLength(STEPS);
    expect(new Set(pings.map((p) => p.headers["x-user-token"])).size).toBe(1);
    expect(pings.every((p) => p.headers["x-api-key"] === undefined)).toBe(true);
    expect(states.every((s) => s !== undefined)).toBe(true);
  });

  it(`${STEPS} parallel steps on a revoked token: one renewal`, async () => {
    const connection = connect();
    const { harness, states } = await parallelSteps(connection);
    emu.revokeTokens();
    emu.clearLog();
    // The revoked token is in this process's memory and in the state every step is handed.
    await parallelSteps(connection, states[0], harness);
    expect(emu.requests("GET", fetchPath)).toHaveLength(1);
    const statuses = emu.requests("GET", "/ping").map((p) => p.status);
    expect(statuses.filter((s) => s === 401).length).toBeGreaterThanOrEqual(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(STEPS);
  });
});

describe("New or Updated Leads with User Login", () => {
  it("5 polls, each in a fresh process with the previous polling state: 1 login in total", async () => {
    const connection = loginConnection(emu, "support@mycompany.com");
    let polling: State | undefined;
    for (let poll = 0; poll < 5; poll++) {
      const { harness } = freshBundle();
      const instanceState: State = polling ? { __prismaticInternal: { polling } } : {};
      await harness.trigger("newOrUpdatedLeads", undefined, { connection }, { instanceState });
      polling = (instanceState.__prismaticInternal as { polling: State }).polling;
    }
    expect(emu.requests("GET", "/auth/login")).toHaveLength(1);
    const polls = emu.requests("GET", "/leads");
    expect(polls).toHaveLength(5);
    expect(polls.every((p) => p.status === 200 && p.headers["x-user-token"])).toBe(true);
    expect(polling).toMatchObject({
      poll: expect.any(Object),
      propipelines: expect.any(Object),
    });
  });

  it("Act as User: the same, 1 log_as for 3 polls", async () => {
    const connection = apiKeyConnection(emu, { apiKey: emu.newApiKey(), actAsUser: "514" });
    let polling: State | undefined;
    for (let poll = 0; poll < 3; poll++) {
      const instanceState: State = polling ? { __prismaticInternal: { polling } } : {};
      await freshBundle().harness.trigger(
        "newOrUpdatedLeads",
        undefined,
        { connection },
        { instanceState },
      );
      polling = (instanceState.__prismaticInternal as { polling: State }).polling;
    }
    expect(emu.requests("GET", "/auth/log_as")).toHaveLength(1);
    expect(emu.requests("GET", "/leads")).toHaveLength(3);
  });
});

describe("what the state holds", () => {
  it("the token, its expiry and the admin flag, under the account and the user: nothing from the password", async () => {
    const password = USER_PASSWORD;
    const result = await freshBundle().harness.action(
      "testConnection",
      { connection: loginConnection(emu, "Stef@Example.com", password) },
      { instanceState: { propipelinesTokens: { legacy: "sha256-of-the-password" }, kept: 1 } },
    );
    const state = result?.instanceState as State;
    const [token] = [...emu.tokens.keys()].slice(-1);
    expect(state).toEqual({
      kept: 1,
      propipelines: {
        tokens: {
          [`login ${emu.account}/api/v2 stef@example.com`]: {
            token,
            expiresAt: expect.any(Number),
            isAdmin: true,
          },
        },
        pageSizes: {},
      },
    });
    const text = JSON.stringify(state);
    for (const part of [
      password,
      ...password.split(" "),
      Buffer.from(`stef@example.com:${password}`).toString("base64"),
    ]) {
      expect(text).not.toContain(part);
    }
  });

  it("a changed password: the stored token is tried, refused, and a fresh login follows", async () => {
    const user = emu.store.findUser("support@mycompany.com");
    if (!user) throw new Error("no seeded user");
    const { harness } = freshBundle();
    const first = await harness.action("testConnection", {
      connection: loginConnection(emu, user.email, USER_PASSWORD),
    });
    user.password = "a new password";
    emu.revokeTokens();
    emu.clearLog();
    try {
      const second = await harness.action(
        "testConnection",
        { connection: loginConnection(emu, user.email, "a new password") },
        { instanceState: first?.instanceState as State },
      );
      expect(second?.data).toMatchObject({ status: 200 });
      expect(emu.log.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
        "GET /ping 401",
        "GET /auth/login 200",
        "GET /ping 200",
      ]);
    } finally {
      user.password = USER_PASSWORD;
    }
  });

  it("data sources (no state): the token is shared in the process, 3 picks cost 1 login", async () => {
    const { harness } = freshBundle();
    const connection = loginConnection(emu, "john.doe@mycompany.com");
    for (const key of ["selectTeam", "selectUser", "selectStep"]) {
      await harness.dataSource(key, { connection });
    }
    expect(emu.requests("GET", "/auth/login")).toHaveLength(1);
  });
});

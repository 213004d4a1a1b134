/**
 * Token fetches against the emulator: one in-flight fetch (and one renewal) per credential in a
 * process, and tokens carried in whatever state record the step has, so polls and actions in
 * fresh processes (fresh loads of dist/index.js) do not log in again. The state holds the token,
 * the account and the user, and nothing derived from a password or key.
 */
import { describe, expect, it } from "vitest";
import { freshBundle } from "./bundle";
import {
  apiKeyConnection,
  basicAuth,
  type ExpectedRequest,
  expectSent,
  loginConnection,
  USER_PASSWORD,
  useEmulator,
} from "./helpers";
import { Poller } from "./polling.support";

const emu = useEmulator();

type State = Record<string, unknown>;
const STEPS = 20;

/** The user token the emulator issued last. */
const lastToken = () => [...emu.tokens.keys()].at(-1);

/** A GET /ping with a user token (`undefined`: the token issued last), answered `status`. */
const ping = (status = 200, token = lastToken()): ExpectedRequest => ({
  method: "GET",
  path: "/ping",
  headers: { "x-user-token": token, "x-api-key": undefined },
  status,
});

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

const logAs: ExpectedRequest = {
  method: "GET",
  path: "/auth/log_as",
  query: { user_id: "515" },
  status: 200,
};
const login: ExpectedRequest = {
  method: "GET",
  path: "/auth/login",
  query: {},
  headers: { authorization: basicAuth("john.doe@mycompany.com", USER_PASSWORD) },
  status: 200,
};

describe.each([
  [
    "Act as User",
    logAs,
    () => apiKeyConnection(emu, { apiKey: emu.newApiKey(), actAsUser: "515" }),
  ],
  ["User Login", login, () => loginConnection(emu, "john.doe@mycompany.com")],
])("%s", (_, fetch, connect) => {
  it(`${STEPS} parallel steps with an empty state: one token fetch, one token`, async () => {
    const { states } = await parallelSteps(connect());
    expectSent(emu, [fetch, ...Array.from({ length: STEPS }, () => ping())]);
    expect(states.every((s) => s !== undefined)).toBe(true);
  });

  it(`${STEPS} parallel steps on a revoked token: one renewal`, async () => {
    const connection = connect();
    const { harness, states } = await parallelSteps(connection);
    const stale = lastToken();
    emu.revokeTokens();
    emu.clearLog();
    // The revoked token is in this process's memory and in the state every step is handed.
    await parallelSteps(connection, states[0], harness);
    // Parallel answers may interleave: compare the log grouped by phase (refused pings, the
    // renewal, accepted pings), each group in the order received.
    const phase = (r: { path: string; status: number }) =>
      r.status === 401 ? 0 : r.path === fetch.path ? 1 : 2;
    const log = [...emu.log].sort((a, b) => phase(a) - phase(b));
    const refused = log.filter((r) => phase(r) === 0).length;
    expect(refused).toBeGreaterThanOrEqual(1);
    expect(refused).toBeLessThanOrEqual(STEPS);
    expectSent({ log }, [
      ...Array.from({ length: refused }, () => ping(401, stale)),
      fetch,
      ...Array.from({ length: STEPS }, () => ping()),
    ]);
  });
});

describe("New or Updated Leads with User Login", () => {
  it("5 polls, each in a fresh process with the previous polling state: 1 login in total", async () => {
    const poller = new Poller(emu, { connection: loginConnection(emu, "support@mycompany.com") });
    for (let poll = 0; poll < 5; poll++) await poller.poll({}, { fresh: true });
    const token = lastToken();
    const leads = {
      method: "GET",
      path: "/leads",
      headers: { "x-user-token": token },
      status: 200,
    };
    expectSent(emu, [
      {
        method: "GET",
        path: "/auth/login",
        headers: { authorization: basicAuth("support@mycompany.com", USER_PASSWORD) },
        status: 200,
      },
      ...Array.from({ length: 5 }, () => leads),
    ]);
    // The token travels in the instance state the platform keeps between polls.
    expect(JSON.stringify(poller.state)).toContain(token);
  });

  it("Act as User: the same, 1 log_as for 3 polls", async () => {
    const connection = apiKeyConnection(emu, { apiKey: emu.newApiKey(), actAsUser: "514" });
    const poller = new Poller(emu, { connection });
    for (let poll = 0; poll < 3; poll++) await poller.poll({}, { fresh: true });
    const leads = {
      method: "GET",
      path: "/leads",
      headers: { "x-user-token": lastToken(), "x-api-key": undefined },
      status: 200,
    };
    expectSent(emu, [
      { method: "GET", path: "/auth/log_as", query: { user_id: "514" }, status: 200 },
      ...Array.from({ length: 3 }, () => leads),
    ]);
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
      expectSent(emu, [
        { method: "GET", path: "/ping", status: 401 },
        {
          method: "GET",
          path: "/auth/login",
          headers: { authorization: basicAuth(user.email, "a new password") },
          status: 200,
        },
        ping(),
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
    expectSent(emu, [
      login,
      { method: "GET", path: "/teams", headers: { "x-user-token": lastToken() } },
      { method: "GET", path: "/users", headers: { "x-user-token": lastToken() } },
      { method: "GET", path: "/steps", headers: { "x-user-token": lastToken() } },
    ]);
  });
});

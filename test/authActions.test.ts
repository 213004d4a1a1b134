/** Log In As User, Log In and Log Out through the harness on the built component. */
import { describe, expect, it } from "vitest";
import { DEFAULT_API_KEY } from "./emulator";
import {
  actionError,
  apiKeyConnection,
  basicAuth,
  errorRunner,
  expectSent,
  harness,
  loginConnection,
  serialize,
  USER_PASSWORD,
  useEmulator,
} from "./helpers";

const emu = useEmulator();

const errorFrom = errorRunner(emu);

describe("Log In As User", () => {
  it("exchanges the API key for the user's token (by email)", async () => {
    const result = await harness.action("logInAsUser", {
      connection: apiKeyConnection(emu),
      user: "john.doe@mycompany.com",
    });
    expectSent(emu, [
      {
        method: "GET",
        path: "/auth/log_as",
        query: { user_id: "john.doe@mycompany.com" },
        headers: { "x-api-key": DEFAULT_API_KEY },
        status: 200,
      },
    ]);
    const data = result?.data as Record<string, unknown>;
    expect(data).toMatchObject({ user_id: 515, user_email: "john.doe@mycompany.com" });
    expect(emu.tokens.get(data.token as string)).toBe(515);
  });

  it("accepts a user id", async () => {
    await harness.action("logInAsUser", { connection: apiKeyConnection(emu), user: "516" });
    expectSent(emu, [{ method: "GET", path: "/auth/log_as", query: { user_id: "516" } }]);
  });

  it("refuses a user login before any request, naming the fix", async () => {
    const error = await actionError("logInAsUser", {
      connection: loginConnection(emu),
      user: "515",
    });
    expect(error).toMatchObject({ name: "InputError", input: "Connection" });
    expect(error.message).toContain("choose an API Key connection");
    expectSent(emu, []);
  });

  it("refuses a value that is neither an id nor an email, with no request", async () => {
    const error = await errorFrom("logInAsUser", { user: "John Doe" });
    expect(error).toMatchObject({ name: "InputError", input: "User" });
    expectSent(emu, []);
  });
});

describe("Log In", () => {
  it("sends the email and password as Basic auth, not the connection's key", async () => {
    const result = await harness.action("logIn", {
      connection: apiKeyConnection(emu),
      email: "john.doe@mycompany.com",
      password: USER_PASSWORD,
    });
    expectSent(emu, [
      {
        method: "GET",
        path: "/auth/login",
        query: {},
        headers: {
          authorization: basicAuth("john.doe@mycompany.com", USER_PASSWORD),
          "x-api-key": undefined,
          "x-user-token": undefined,
        },
        status: 200,
      },
    ]);
    const data = result?.data as Record<string, unknown>;
    expect(data).toMatchObject({ user_id: 515, is_admin: false });
    expect(emu.tokens.get(data.token as string)).toBe(515);
    expect(JSON.stringify(result)).not.toContain(USER_PASSWORD);
  });

  it("refuses a wrong password with a hint about the inputs, never echoing it", async () => {
    const wrong = "not-the-password-42";
    const error = await errorFrom("logIn", { email: "john.doe@mycompany.com", password: wrong });
    expect(error).toMatchObject({ name: "ApiError", status: 401 });
    expect(error.message).toContain("Invalid login or password");
    expect(error.message).toContain("Check the Email and Password inputs");
    expect(serialize(error)).not.toContain(wrong);
    expectSent(emu, [
      {
        method: "GET",
        path: "/auth/login",
        headers: { authorization: basicAuth("john.doe@mycompany.com", wrong) },
        status: 401,
      },
    ]);
  });

  it("refuses a malformed email or an empty password with no request", async () => {
    const badEmail = await errorFrom("logIn", { email: "john.doe@", password: USER_PASSWORD });
    expect(badEmail).toMatchObject({ name: "InputError", input: "Email" });
    expect(serialize(badEmail)).not.toContain(USER_PASSWORD);
    const noPassword = await errorFrom("logIn", { email: "john.doe@mycompany.com", password: "" });
    expect(noPassword).toMatchObject({ name: "InputError", input: "Password" });
    expectSent(emu, []);
  });
});

describe("Log Out", () => {
  it("invalidates a User Login connection's token: 200 → loggedOut true", async () => {
    const connection = loginConnection(emu, "support@mycompany.com");
    const result = await harness.action("logOut", { connection });
    expect(result?.data).toEqual({ loggedOut: true });
    const [, logout] = expectSent(emu, [
      {
        method: "GET",
        path: "/auth/login",
        headers: { authorization: basicAuth("support@mycompany.com", USER_PASSWORD) },
      },
      {
        method: "GET",
        path: "/auth/logout",
        query: {},
        body: undefined,
        headers: { "x-user-token": expect.stringMatching(/^tok-/) },
        status: 200,
      },
    ]);
    const token = logout?.headers["x-user-token"] as string;
    expect(emu.tokens.has(token)).toBe(false);
  });

  it("answers loggedOut false when the API did nothing (304, plain API key)", async () => {
    const result = await harness.action("logOut", { connection: apiKeyConnection(emu) });
    expect(result?.data).toEqual({ loggedOut: false });
    expectSent(emu, [
      {
        method: "GET",
        path: "/auth/logout",
        headers: { "x-api-key": DEFAULT_API_KEY },
        status: 304,
      },
    ]);
  });

  it("logs out an Act as User token, and the connection logs in again afterwards", async () => {
    const connection = apiKeyConnection(emu, { apiKey: emu.newApiKey(), actAsUser: "515" });
    const out = await harness.action("logOut", { connection });
    expect(out?.data).toEqual({ loggedOut: true });
    await harness.action("testConnection", { connection });
    expectSent(emu, [
      { method: "GET", path: "/auth/log_as", query: { user_id: "515" }, status: 200 },
      { method: "GET", path: "/auth/logout", status: 200 },
      { method: "GET", path: "/ping", status: 401 },
      { method: "GET", path: "/auth/log_as", query: { user_id: "515" }, status: 200 },
      { method: "GET", path: "/ping", status: 200 },
    ]);
  });
});

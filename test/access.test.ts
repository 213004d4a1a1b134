/**
 * Access rules declared on the endpoints, enforced before any request: API-key-only endpoints
 * refuse a user's token (User Login, or Act as User), and admin-only endpoints refuse a user the
 * login answer says is not an admin.
 */
import { describe, expect, it } from "vitest";
import {
  actionError,
  apiKeyConnection,
  expectSent,
  loginConnection,
  registry,
  useEmulator,
} from "./helpers";
import { typicalParams } from "./typicalCalls";

const emu = useEmulator();

const apiKeyOnly = registry.filter((endpoint) => endpoint.access === "apiKey");

describe("API-key-only endpoints, refused before any request", () => {
  it("are the ones the API document marks", () => {
    expect(apiKeyOnly.map((e) => e.key).sort()).toEqual([
      "activateWebhook",
      "createCategory",
      "createField",
      "createPredefinedTag",
      "createWebhook",
      "deleteWebhook",
      "listWebhooks",
      "logInAsUser",
    ]);
  });

  for (const endpoint of apiKeyOnly) {
    it(`${endpoint.label}: a User Login connection is told to choose an API Key connection`, async () => {
      const error = await actionError(endpoint.key, {
        ...typicalParams(endpoint),
        connection: loginConnection(emu),
      });
      expect(error).toMatchObject({ name: "InputError", input: "Connection" });
      expect(error.message).toBe(
        `Connection: ${endpoint.label} needs the account's API key itself: Pro Pipe Lines refuses it with a user's token. To fix it, choose an API Key connection.`,
      );
      expectSent(emu, []);
    });

    it(`${endpoint.label}: Act as User is told to be cleared`, async () => {
      const error = await actionError(endpoint.key, {
        ...typicalParams(endpoint),
        connection: apiKeyConnection(emu, { actAsUser: "514" }),
      });
      expect(error.message).toContain("To fix it, clear Act as User on this API Key connection.");
      expectSent(emu, []);
    });
  }
});

describe("admin-only endpoints", () => {
  /**
   * A state holding John's (non-admin) token, fetched `ageMs` ago. The stale one comes first:
   * the newest token of memory and state is used, as another process may have renewed it.
   */
  function johnState(ageMs: number) {
    const token = emu.issueToken(515);
    const entry = { token, isAdmin: false, expiresAt: Date.now() - ageMs + 29 * 86_400_000 };
    return {
      propipelines: {
        tokens: { [`login ${emu.url}/api/v2 john.doe@mycompany.com`]: entry },
        pageSizes: {},
      },
    };
  }
  const john = () => loginConnection(emu, "john.doe@mycompany.com");

  it("an older answer is not trusted: the call is sent and the API decides", async () => {
    const error = await actionError(
      "createTeam",
      { connection: john(), name: "Shadow" },
      { instanceState: johnState(2 * 3_600_000) },
    );
    expect(error).toMatchObject({ name: "ApiError", status: 401 });
    expectSent(emu, [{ method: "POST", path: "/teams", body: { name: "Shadow" }, status: 401 }]);
  });

  it("a user the login answered as not admin an hour ago at most: refused with no request", async () => {
    const error = await actionError(
      "createTeam",
      { connection: john(), name: "Shadow" },
      { instanceState: johnState(5 * 60_000) },
    );
    expect(error).toMatchObject({ name: "InputError", input: "Connection" });
    expectSent(emu, []);
  });
});

/**
 * Reading the live account's connection from the environment (test/liveConnection.ts):
 * Prismatic's PRISMATIC_CONNECTION_VALUE first, then the PROPIPELINES_* variables; errors name
 * what is missing and never a secret.
 */
import { describe, expect, it } from "vitest";
import { liveConnection } from "./liveConnection";

const KEY = "k3y-s3cret-0123456789";
const PASSWORD = "pa55-w0rd-s3cret";

/** The error `liveConnection` throws for this environment (fails if none). */
function failure(env: Record<string, string>): string {
  try {
    liveConnection(env);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("liveConnection did not fail");
}

describe("PRISMATIC_CONNECTION_VALUE", () => {
  it("an API Key connection, its type read from the fields", () => {
    const value = JSON.stringify({ fields: { account: "acme", apiKey: KEY, actAsUser: "" } });
    const live = liveConnection({ PRISMATIC_CONNECTION_VALUE: value });
    expect(live?.key).toBe("apiKey");
    expect(live?.account).toBe("acme");
    expect(live?.connection).toMatchObject({
      key: "apiKey",
      fields: { account: "acme", apiKey: KEY },
    });
    expect(live?.source).toBe("PRISMATIC_CONNECTION_VALUE (apiKey)");
  });

  it("a User Login connection, and the value's own key when it names one of ours", () => {
    const login = { account: "acme", email: "stef@example.com", password: PASSWORD };
    expect(
      liveConnection({ PRISMATIC_CONNECTION_VALUE: JSON.stringify({ fields: login }) })?.key,
    ).toBe("userLogin");
    const keyed = JSON.stringify({ key: "userLogin", configVarKey: "PPL", fields: login });
    expect(liveConnection({ PRISMATIC_CONNECTION_VALUE: keyed })?.connection).toMatchObject({
      key: "userLogin",
      fields: login,
    });
  });

  it("wins over the PROPIPELINES_* variables", () => {
    const live = liveConnection({
      PRISMATIC_CONNECTION_VALUE: JSON.stringify({ fields: { account: "acme", apiKey: KEY } }),
      PROPIPELINES_ACCOUNT: "other",
      PROPIPELINES_API_KEY: "other-key",
    });
    expect(live?.account).toBe("acme");
  });

  it("refuses what is not one of this component's connections, naming the fields, not values", () => {
    expect(failure({ PRISMATIC_CONNECTION_VALUE: "{not json" })).toMatch(/is not JSON/);
    expect(
      failure({ PRISMATIC_CONNECTION_VALUE: JSON.stringify({ fields: { token: KEY } }) }),
    ).toMatch(/neither apiKey nor email and password/);
    const noAccount = failure({
      PRISMATIC_CONNECTION_VALUE: JSON.stringify({ fields: { apiKey: KEY } }),
    });
    expect(noAccount).toBe("PRISMATIC_CONNECTION_VALUE: fields.account missing.");
    const noPassword = failure({
      PRISMATIC_CONNECTION_VALUE: JSON.stringify({
        fields: { account: "acme", email: "stef@example.com" },
      }),
    });
    expect(noPassword).toBe("PRISMATIC_CONNECTION_VALUE: fields.password missing.");
    expect(noAccount + noPassword).not.toContain(KEY);
  });
});

describe("PROPIPELINES_* variables", () => {
  it("an account with an API key, optionally acting as a user", () => {
    const live = liveConnection({
      PROPIPELINES_ACCOUNT: "acme",
      PROPIPELINES_API_KEY: KEY,
      PROPIPELINES_ACT_AS_USER: "stef@example.com",
    });
    expect(live?.connection).toMatchObject({
      key: "apiKey",
      fields: { account: "acme", apiKey: KEY, actAsUser: "stef@example.com" },
    });
  });

  it("an account with an email and password", () => {
    const live = liveConnection({
      PROPIPELINES_ACCOUNT: "acme",
      PROPIPELINES_EMAIL: "stef@example.com",
      PROPIPELINES_PASSWORD: PASSWORD,
    });
    expect(live?.key).toBe("userLogin");
  });

  it("an account alone is refused; nothing set is no live account", () => {
    expect(failure({ PROPIPELINES_ACCOUNT: "acme" })).toMatch(/set PROPIPELINES_API_KEY too/);
    expect(liveConnection({})).toBeUndefined();
    expect(liveConnection({ PRISMATIC_CONNECTION_VALUE: "  ", PROPIPELINES_ACCOUNT: "" })).toBe(
      undefined,
    );
  });
});

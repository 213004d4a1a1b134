/**
 * The connection for runs against a real Pro Pipe Lines account (the demo, `npm run test:live`),
 * from the environment:
 *
 * - `PRISMATIC_CONNECTION_VALUE`: Prismatic's documented form, the JSON `prism
 *   components:dev:run` hands a command (`{"fields": {"account": …, "apiKey": …}, …}`). The
 *   connection type is its `key` when it names one of ours, else read from the fields (an API
 *   key, or an email and password).
 * - Or `PROPIPELINES_ACCOUNT` with `PROPIPELINES_API_KEY` (and optionally
 *   `PROPIPELINES_ACT_AS_USER`), or with `PROPIPELINES_EMAIL` and `PROPIPELINES_PASSWORD`.
 *
 * Nothing here prints a secret: errors name the variables, never their values. Free of vitest.
 */
import type { ConnectionDefinition } from "@prismatic-io/spectral";
import { createConnection } from "@prismatic-io/spectral/dist/testing";
import type { ConnectionValue } from "./harness";

export type ConnectionKey = "apiKey" | "userLogin";

export interface LiveConnection {
  connection: ConnectionValue;
  key: ConnectionKey;
  /** The Account field, as given (a slug, host or address). */
  account: string;
  /** Where it came from, for the run's first line. */
  source: string;
}

type Env = Record<string, string | undefined>;

const KEYS: readonly ConnectionKey[] = ["apiKey", "userLogin"];

const text = (value: unknown) => (typeof value === "string" ? value.trim() : "");

const make = (key: ConnectionKey, fields: Record<string, unknown>, token?: unknown) =>
  createConnection(
    { key } as ConnectionDefinition,
    fields,
    token && typeof token === "object" ? (token as Record<string, unknown>) : undefined,
  );

/** `PRISMATIC_CONNECTION_VALUE` → our connection; throws naming what is missing. */
function fromPrismatic(json: string): LiveConnection {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new Error(
      "PRISMATIC_CONNECTION_VALUE is not JSON (expected what prism components:dev:run gives).",
    );
  }
  const record = (value ?? {}) as { key?: unknown; fields?: unknown; token?: unknown };
  const fields = (record.fields ?? {}) as Record<string, unknown>;
  if (typeof fields !== "object" || Array.isArray(fields)) {
    throw new Error("PRISMATIC_CONNECTION_VALUE has no `fields` object.");
  }
  const named = KEYS.find((key) => key === record.key);
  const key =
    named ?? (text(fields.apiKey) ? "apiKey" : text(fields.email) ? "userLogin" : undefined);
  if (!key) {
    throw new Error(
      "PRISMATIC_CONNECTION_VALUE: its fields have neither apiKey nor email and password (an API Key or User Login connection of this component).",
    );
  }
  const required = key === "apiKey" ? ["account", "apiKey"] : ["account", "email", "password"];
  const missing = required.filter((name) => !text(fields[name]));
  if (missing.length)
    throw new Error(`PRISMATIC_CONNECTION_VALUE: fields.${missing.join(", fields.")} missing.`);
  return {
    connection: make(key, fields, record.token),
    key,
    account: text(fields.account),
    source: `PRISMATIC_CONNECTION_VALUE (${key})`,
  };
}

/** `PROPIPELINES_*` variables → an API Key or User Login connection. */
function fromVariables(env: Env, account: string): LiveConnection {
  const apiKey = text(env.PROPIPELINES_API_KEY);
  if (apiKey) {
    const actAsUser = text(env.PROPIPELINES_ACT_AS_USER);
    return {
      connection: make("apiKey", { account, apiKey, actAsUser }),
      key: "apiKey",
      account,
      source: `PROPIPELINES_ACCOUNT with PROPIPELINES_API_KEY${actAsUser ? " and PROPIPELINES_ACT_AS_USER" : ""}`,
    };
  }
  const email = text(env.PROPIPELINES_EMAIL);
  const password = env.PROPIPELINES_PASSWORD ?? "";
  if (email && password) {
    return {
      connection: make("userLogin", { account, email, password }),
      key: "userLogin",
      account,
      source: "PROPIPELINES_ACCOUNT with PROPIPELINES_EMAIL and PROPIPELINES_PASSWORD",
    };
  }
  throw new Error(
    "PROPIPELINES_ACCOUNT is set: set PROPIPELINES_API_KEY too, or PROPIPELINES_EMAIL and PROPIPELINES_PASSWORD.",
  );
}

/** The real account's connection, or `undefined` when the environment names none. */
export function liveConnection(env: Env = process.env): LiveConnection | undefined {
  const json = env.PRISMATIC_CONNECTION_VALUE;
  if (json?.trim()) return fromPrismatic(json);
  const account = text(env.PROPIPELINES_ACCOUNT);
  return account ? fromVariables(env, account) : undefined;
}

/** What to set to run against a real account, for messages. */
export const LIVE_SETUP =
  "set PRISMATIC_CONNECTION_VALUE (the JSON prism components:dev:run gives), or PROPIPELINES_ACCOUNT with PROPIPELINES_API_KEY (or PROPIPELINES_EMAIL and PROPIPELINES_PASSWORD)";

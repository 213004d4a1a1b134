/**
 * The connection's credentials: reading and checking them, exchanging them for a user token,
 * and telling from a 401 whether a new token can help or the credentials themselves are wrong.
 *
 * - API Key: `X-API-KEY` on every request. With *Act as user* set, the key is exchanged for that
 *   user's token (`GET /auth/log_as`) and requests carry `X-USER-TOKEN`.
 * - User Login: email and password are exchanged for a token (`GET /auth/login`, Basic auth).
 * Where tokens are kept, and how concurrent steps share one fetch: session.ts. The request is
 * sent by the function the client hands over (`Send`), so this module does not import the client.
 */
import type { Connection } from "@prismatic-io/spectral";
import { apiBaseUrl } from "./account";
import { ApiError, InputError } from "./errors";
import type { ApiRequest, ApiResponse } from "./http/request";
import { Redactor } from "./secrets";

export const API_KEY_CONNECTION = "apiKey";
export const USER_LOGIN_CONNECTION = "userLogin";

export type ConnectionSettings =
  | { kind: "apiKey"; baseUrl: string; apiKey: string; actAsUser?: string }
  | { kind: "userLogin"; baseUrl: string; email: string; password: string };

function field(connection: Connection, name: string): string {
  const value = connection.fields?.[name];
  return typeof value === "string"
    ? value.trim()
    : value === undefined || value === null
      ? ""
      : String(value);
}

/** The Account's base URL; its error never quotes a credential of the connection. */
function baseUrlOf(connection: Connection, secrets: Redactor): string {
  try {
    return apiBaseUrl(connection.fields.account);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const problem = error.message.slice(`${error.input}: `.length);
    throw new InputError(error.input, secrets.redact(problem));
  }
}

/** Reads and checks a connection's fields (connection inputs have no `clean`, so it happens here). */
export function readConnection(connection: Connection | undefined): ConnectionSettings {
  if (!connection || typeof connection !== "object" || !connection.fields) {
    throw new InputError("Connection", "no Pro Pipe Lines connection is configured for this step.");
  }
  if (connection.key === USER_LOGIN_CONNECTION) {
    const email = field(connection, "email");
    const password =
      typeof connection.fields.password === "string" ? connection.fields.password : "";
    const baseUrl = baseUrlOf(connection, new Redactor().add(password));
    if (!email) throw new InputError("Email", "enter the email address the user logs in with.");
    if (!password) throw new InputError("Password", "enter the user's password.");
    return { kind: "userLogin", baseUrl, email, password };
  }
  const apiKey = field(connection, "apiKey");
  const baseUrl = baseUrlOf(connection, new Redactor().add(apiKey));
  if (!apiKey) {
    throw new InputError("API Key", "enter an API key generated in the account's admin section.");
  }
  const actAsUser = field(connection, "actAsUser") || undefined;
  return { kind: "apiKey", baseUrl, apiKey, actAsUser };
}

/** True when the connection's requests carry a user token (User Login, or API key acting as a user). */
export function usesUserToken(connection: unknown): boolean {
  const settings = readConnection(connection as Connection | undefined);
  return settings.kind === "userLogin" || Boolean(settings.actAsUser);
}

/** The `Authorization` value of HTTP Basic auth. */
const basicAuthValue = (email: string, password: string): string =>
  `Basic ${Buffer.from(`${email}:${password}`, "utf8").toString("base64")}`;

/** Every value of the connection that is a secret, in the forms it is sent. */
export function secretsOf(settings: ConnectionSettings): string[] {
  if (settings.kind === "apiKey") return [settings.apiKey];
  const { email, password } = settings;
  return [password, `${email}:${password}`, basicAuthValue(email, password)];
}

/** Sends a request with the given auth headers (the client's `send`). */
type Send = <T>(request: ApiRequest, auth: Record<string, string>) => Promise<ApiResponse<T>>;

export interface UserToken {
  token: string;
  /** The `is_admin` flag of the login / log_as answer. */
  isAdmin?: boolean;
}

/** Exchanges the connection's credentials for a user token: one request. */
export async function fetchUserToken(settings: ConnectionSettings, send: Send): Promise<UserToken> {
  let response: ApiResponse<{ token?: unknown; is_admin?: unknown }>;
  if (settings.kind === "userLogin") {
    response = await send(
      { method: "GET", path: "/auth/login" },
      { Authorization: basicAuthValue(settings.email, settings.password) },
    );
  } else {
    try {
      response = await send(
        { method: "GET", path: "/auth/log_as", query: { user_id: settings.actAsUser } },
        { "X-API-KEY": settings.apiKey },
      );
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) {
        throw new ApiError(
          error,
          "Check the connection's Act as User: it must be the id or email of an enabled user of the account.",
        );
      }
      throw error;
    }
  }
  const { token, is_admin } = response.data ?? {};
  if (typeof token !== "string" || !token) {
    throw new InputError(
      "Connection",
      "Pro Pipe Lines did not return a user token for this connection.",
    );
  }
  return { token, isAdmin: typeof is_admin === "boolean" ? is_admin : undefined };
}

interface Rejection {
  status: number;
  type?: string;
  apiMessage: string;
}

/** 401 types a new token cures (the live API's; see the live-API facts). */
const RENEWABLE_TYPES = new Set(["unauthorized_invalid_token", "unauthorized_disabled_token"]);
/** 401 types about the action, not the credentials. */
const NOT_CREDENTIAL_TYPES = new Set([
  "not_api_key",
  "unauthorized_user_token_not_allowed",
  "unauthorized_not_admin",
]);
/** Messages of 401s about the action (used only when the answer has no `type`). */
const NOT_CREDENTIAL_MESSAGE = /USER token|privilege/i;

/** A 401 that a new user token can cure. Decided on `type`; on the message only without one. */
export function isRenewableRejection(error: Rejection): boolean {
  if (error.status !== 401) return false;
  if (error.type) return RENEWABLE_TYPES.has(error.type);
  return (
    !NOT_CREDENTIAL_MESSAGE.test(error.apiMessage) && !/login or password/i.test(error.apiMessage)
  );
}

/** A 401 refusing the connection's credentials or account (not "this action needs the API key"). */
export function isCredentialRejection(error: Rejection): boolean {
  if (error.status !== 401) return false;
  if (error.type) return !NOT_CREDENTIAL_TYPES.has(error.type);
  return !NOT_CREDENTIAL_MESSAGE.test(error.apiMessage);
}

/** What to check when the credentials are refused, in the connection's own words. */
export function credentialHint(settings: ConnectionSettings, type?: string): string {
  const unknownAccount = "Pro Pipe Lines answers an unknown account exactly like wrong credentials";
  const disabled =
    type === "unauthorized_disabled_token" ? "The user or its token is disabled. " : "";
  if (settings.kind === "userLogin") {
    return `${disabled}Check the connection's Account, Email and Password: ${unknownAccount}. The user may also be disabled, or the password changed.`;
  }
  if (settings.actAsUser) {
    return `${disabled}Check the connection's Account, API Key and Act as User: ${unknownAccount}. The key may have been deleted or regenerated, or the user disabled.`;
  }
  return `${disabled}Check the connection's Account and API Key: ${unknownAccount}. The key may also have been deleted or regenerated.`;
}

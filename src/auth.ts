/**
 * How requests authenticate, for both connections.
 *
 * - API Key: `X-API-KEY` on every request. With *Act as user* set, the key is exchanged once
 *   for that user's token (`GET /auth/log_as`) and requests carry `X-USER-TOKEN`.
 * - User Login: email and password are exchanged once for a token (`GET /auth/login`, Basic auth).
 *
 * Where the token cache lives (tokens are valid 30 days, each fetch spends one of the
 * account's 2000 daily requests):
 * 1. `instanceState` — spectral hands every action its instance's persisted state and keeps
 *    what the action returns. The token is stored there under a hash of the connection (never
 *    the API key or password themselves), so one fetch serves every later step and execution.
 * 2. A per-process memory cache under the same hash — data sources and polling triggers get no
 *    `instanceState`, and steps in one execution share the process.
 * On a 401 that rejects the token (expired, logged out), the token is fetched again once.
 */
import { createHash } from "node:crypto";
import type { Connection } from "@prismatic-io/spectral";
import { apiBaseUrl } from "./account";
import type { ProPipeLinesClient } from "./client";
import { type ApiError, InputError } from "./errors";

export const API_KEY_CONNECTION = "apiKey";
export const USER_LOGIN_CONNECTION = "userLogin";

/** Tokens live 30 days; renew a day early. */
const TOKEN_TTL_MS = 29 * 24 * 3600 * 1000;
const STATE_KEY = "propipelinesTokens";

interface CachedToken {
  token: string;
  expiresAt: number;
}

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

/** Reads and checks a connection's fields (connection inputs have no `clean`, so it happens here). */
export function readConnection(connection: Connection | undefined): ConnectionSettings {
  if (!connection || typeof connection !== "object" || !connection.fields) {
    throw new InputError("Connection", "no Pro Pipe Lines connection is configured for this step.");
  }
  const baseUrl = apiBaseUrl(connection.fields.account);
  if (connection.key === USER_LOGIN_CONNECTION) {
    const email = field(connection, "email");
    const password =
      typeof connection.fields.password === "string" ? connection.fields.password : "";
    if (!email) throw new InputError("Email", "enter the email address the user logs in with.");
    if (!password) throw new InputError("Password", "enter the user's password.");
    return { kind: "userLogin", baseUrl, email, password };
  }
  const apiKey = field(connection, "apiKey");
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

/** A 401 that a new token can cure (not "USER token not allowed here" or "not privileged"). */
export function isTokenRejection(error: ApiError): boolean {
  if (error.status !== 401) return false;
  return !/USER token|privilege|login or password/i.test(error.apiMessage);
}

const memoryCache = new Map<string, CachedToken>();

/** Empties this process's token cache (as a new process starts); tokens in instanceState stay. */
export function clearMemoryTokenCache(): void {
  memoryCache.clear();
}

export class AuthSession {
  private readonly cacheKey: string | undefined;
  private stateChanged = false;
  /** Token fetches made by this session (log_as or login). */
  tokenFetches = 0;

  constructor(
    readonly settings: ConnectionSettings,
    private readonly state: Record<string, unknown> = {},
  ) {
    const s = settings;
    const identity =
      s.kind === "userLogin"
        ? `login\n${s.baseUrl}\n${s.email}\n${s.password}`
        : s.actAsUser
          ? `log_as\n${s.baseUrl}\n${s.apiKey}\n${s.actAsUser}`
          : undefined;
    this.cacheKey = identity
      ? createHash("sha256").update(identity).digest("hex").slice(0, 32)
      : undefined;
  }

  /** Whether requests use a token that can be fetched again. */
  get canRefresh(): boolean {
    return this.cacheKey !== undefined;
  }

  /** Headers for the next request; fetches the token when none is cached or `refresh` is set. */
  async authHeaders(
    client: ProPipeLinesClient,
    opts: { refresh?: boolean } = {},
  ): Promise<Record<string, string>> {
    const s = this.settings;
    if (s.kind === "apiKey" && !s.actAsUser) return { "X-API-KEY": s.apiKey };
    const cached = opts.refresh ? undefined : this.cached();
    const token = cached ?? (await this.fetchToken(client));
    return { "X-USER-TOKEN": token };
  }

  /** The instanceState to hand back to Prismatic, when this session stored a new token. */
  stateUpdate(): Record<string, unknown> | undefined {
    return this.stateChanged ? this.state : undefined;
  }

  private tokens(): Record<string, CachedToken> {
    const stored = this.state[STATE_KEY];
    return stored && typeof stored === "object" ? (stored as Record<string, CachedToken>) : {};
  }

  private cached(): string | undefined {
    if (!this.cacheKey) return undefined;
    const now = Date.now();
    for (const entry of [this.tokens()[this.cacheKey], memoryCache.get(this.cacheKey)]) {
      if (entry && typeof entry.token === "string" && entry.expiresAt > now) return entry.token;
    }
    return undefined;
  }

  private async fetchToken(client: ProPipeLinesClient): Promise<string> {
    const s = this.settings;
    this.tokenFetches += 1;
    const response =
      s.kind === "userLogin"
        ? await client.send<{ token?: string }>(
            { method: "GET", path: "/auth/login" },
            {
              Authorization: `Basic ${Buffer.from(`${s.email}:${s.password}`).toString("base64")}`,
            },
          )
        : await client.send<{ token?: string }>(
            { method: "GET", path: "/auth/log_as", query: { user_id: s.actAsUser } },
            { "X-API-KEY": s.apiKey },
          );
    const token = response.data?.token;
    if (typeof token !== "string" || !token) {
      throw new InputError(
        "Connection",
        "Pro Pipe Lines did not return a user token for this connection.",
      );
    }
    const entry = { token, expiresAt: Date.now() + TOKEN_TTL_MS };
    if (this.cacheKey) {
      memoryCache.set(this.cacheKey, entry);
      this.state[STATE_KEY] = { ...this.tokens(), [this.cacheKey]: entry };
      this.stateChanged = true;
    }
    return token;
  }
}

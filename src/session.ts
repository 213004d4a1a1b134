/**
 * What the steps of one connection share: its user token (with the user's admin flag) and the
 * page size the API accepts for lists paged adaptively (pagination.ts).
 *
 * Where it is kept:
 * 1. The state record the caller hands to `connect`: an action's instanceState, a polling
 *    trigger's polling state. It lives under one key (`propipelines`); hand back
 *    `stateUpdate()` (the whole record, when something changed) or merge `stateSlice()`.
 *    The next execution, in any process, reuses it.
 * 2. This process's memory, for steps without state (data sources) and steps running together.
 *    Concurrent steps of one credential share one token fetch, and one renewal.
 *
 * The state holds the token itself (what it is for), never the API key, the password or
 * anything derived from them: entries are keyed by account and user (email or Act as User), so
 * a changed password shows as a 401 and a fresh login. The memory key adds an HMAC of the
 * credential under a random per-process secret, so another credential for the same user never
 * picks up the token; that value never leaves the process.
 */
import { createHmac, randomBytes } from "node:crypto";
import type { ConnectionSettings, UserToken } from "./auth";

export const STATE_KEY = "propipelines";
/** Earlier versions keyed tokens by a hash over the password: dropped on sight. */
const LEGACY_STATE_KEY = "propipelinesTokens";
/** Tokens live 30 days; renew a day early. */
const TOKEN_TTL_MS = 29 * 24 * 3600 * 1000;
/** How long the login answer's admin flag is trusted. */
const ADMIN_FLAG_TTL_MS = 3600 * 1000;

interface TokenEntry {
  token: string;
  expiresAt: number;
  isAdmin?: boolean;
}

interface Persisted {
  tokens: Record<string, TokenEntry>;
  /** Page size to ask, by account and path, where the API refused a larger one. */
  pageSizes: Record<string, number>;
}

const PROCESS_SECRET = randomBytes(32);
const memoryTokens = new Map<string, TokenEntry>();
const pendingFetches = new Map<string, Promise<TokenEntry>>();
const memoryPageSizes = new Map<string, number>();

const isLive = (entry: TokenEntry | undefined): entry is TokenEntry =>
  entry !== undefined && entry.expiresAt > Date.now();

function tokenEntry(raw: unknown): TokenEntry | undefined {
  if (!raw || typeof raw !== "object") return undefined;
  const { token, expiresAt, isAdmin } = raw as Record<string, unknown>;
  if (typeof token !== "string" || !token || typeof expiresAt !== "number") return undefined;
  return { token, expiresAt, isAdmin: typeof isAdmin === "boolean" ? isAdmin : undefined };
}

function readPersisted(raw: unknown): Persisted {
  const record = raw && typeof raw === "object" ? (raw as Record<string, unknown>) : {};
  const tokens: Record<string, TokenEntry> = {};
  for (const [key, value] of Object.entries((record.tokens as object | undefined) ?? {})) {
    const entry = tokenEntry(value);
    if (isLive(entry)) tokens[key] = entry;
  }
  const pageSizes: Record<string, number> = {};
  for (const [key, value] of Object.entries((record.pageSizes as object | undefined) ?? {})) {
    if (Number.isInteger(value) && value > 0) pageSizes[key] = value;
  }
  return { tokens, pageSizes };
}

export class Session {
  /** Token fetches this session started (log_as or login); joined fetches do not count. */
  tokenFetches = 0;
  private readonly state: Record<string, unknown>;
  private readonly stateKey?: string;
  private readonly memoryKey?: string;
  private changed = false;

  constructor(
    readonly settings: ConnectionSettings,
    state: Record<string, unknown> | undefined,
    private readonly fetchToken: () => Promise<UserToken>,
  ) {
    this.state = { ...(state ?? {}) };
    if (LEGACY_STATE_KEY in this.state) {
      delete this.state[LEGACY_STATE_KEY];
      this.changed = true;
    }
    const user = settings.kind === "userLogin" ? settings.email : settings.actAsUser;
    if (user) {
      const kind = settings.kind === "userLogin" ? "login" : "log_as";
      this.stateKey = `${kind} ${settings.baseUrl} ${user.toLowerCase()}`;
      const secret = settings.kind === "userLogin" ? settings.password : settings.apiKey;
      const mac = createHmac("sha256", PROCESS_SECRET).update(secret).digest("base64url");
      this.memoryKey = `${this.stateKey} ${mac}`;
    }
  }

  /** Whether requests carry a user token (which can be fetched again). */
  get usesToken(): boolean {
    return this.stateKey !== undefined;
  }

  /** Headers for the next request: the API key, or the user token (fetched when none is known). */
  async authHeaders(): Promise<Record<string, string>> {
    if (this.settings.kind === "apiKey" && !this.usesToken) {
      return { "X-API-KEY": this.settings.apiKey };
    }
    const entry = this.known() ?? (await this.sharedFetch());
    return { "X-USER-TOKEN": this.adopt(entry).token };
  }

  /**
   * Headers with a token other than the rejected one: the token another step already renewed,
   * or a new one (one fetch however many steps ask at once).
   */
  async renew(rejected: Record<string, string>): Promise<Record<string, string>> {
    const key = this.memoryKey as string;
    const failed = rejected["X-USER-TOKEN"];
    const inMemory = memoryTokens.get(key);
    let entry: TokenEntry;
    if (isLive(inMemory) && inMemory.token !== failed) {
      entry = inMemory;
    } else {
      if (inMemory?.token === failed) memoryTokens.delete(key);
      entry = await this.sharedFetch();
    }
    return { "X-USER-TOKEN": this.adopt(entry).token };
  }

  /**
   * Whether the connection's user is an admin, when known without a request: true for an API
   * key (it acts as the account's first admin), the login / log_as answer's flag for a token
   * fetched within the hour, undefined otherwise.
   */
  knownIsAdmin(): boolean | undefined {
    if (!this.usesToken) return true;
    const entry = this.known();
    // The flag is as old as the token (up to 30 days): trusted for an hour, so that a user
    // made admin meanwhile is not refused on a stale answer.
    const fetchedAt = (entry?.expiresAt ?? 0) - TOKEN_TTL_MS;
    return fetchedAt + ADMIN_FLAG_TTL_MS > Date.now() ? entry?.isAdmin : undefined;
  }

  /** The page size to ask on `path` when the API refused a larger one before. */
  acceptedPageSize(path: string): number | undefined {
    const key = `${this.settings.baseUrl}${path}`;
    return memoryPageSizes.get(key) ?? readPersisted(this.state[STATE_KEY]).pageSizes[key];
  }

  rememberPageSize(path: string, size: number): void {
    const key = `${this.settings.baseUrl}${path}`;
    memoryPageSizes.set(key, size);
    if (readPersisted(this.state[STATE_KEY]).pageSizes[key] === size) return;
    this.write((persisted) => {
      persisted.pageSizes[key] = size;
    });
  }

  /** The whole state record to hand back to Prismatic, when this session changed it. */
  stateUpdate(): Record<string, unknown> | undefined {
    return this.changed ? this.state : undefined;
  }

  /** Only this module's part of the state (`{ propipelines: … }`, or `{}`), to merge into another record. */
  stateSlice(): Record<string, unknown> {
    const slice = this.state[STATE_KEY];
    return slice === undefined ? {} : { [STATE_KEY]: slice };
  }

  /**
   * The newest live token of memory and state (another process may have renewed it); one from
   * the state is then shared with this process.
   */
  private known(): TokenEntry | undefined {
    if (!this.stateKey || !this.memoryKey) return undefined;
    const inMemory = memoryTokens.get(this.memoryKey);
    const stored = readPersisted(this.state[STATE_KEY]).tokens[this.stateKey];
    if (stored && (!isLive(inMemory) || stored.expiresAt > inMemory.expiresAt)) {
      memoryTokens.set(this.memoryKey, stored);
      return stored;
    }
    return isLive(inMemory) ? inMemory : undefined;
  }

  private sharedFetch(): Promise<TokenEntry> {
    const key = this.memoryKey as string;
    let pending = pendingFetches.get(key);
    if (!pending) {
      this.tokenFetches += 1;
      pending = this.fetchToken()
        .then(({ token, isAdmin }) => {
          const entry = { token, isAdmin, expiresAt: Date.now() + TOKEN_TTL_MS };
          memoryTokens.set(key, entry);
          return entry;
        })
        .finally(() => pendingFetches.delete(key));
      pendingFetches.set(key, pending);
    }
    return pending;
  }

  /** Uses `entry` from now on, and stores it in the state when the state holds another. */
  private adopt(entry: TokenEntry): TokenEntry {
    const key = this.stateKey as string;
    if (readPersisted(this.state[STATE_KEY]).tokens[key]?.token !== entry.token) {
      this.write((persisted) => {
        persisted.tokens[key] = entry;
      });
    }
    return entry;
  }

  private write(update: (persisted: Persisted) => void): void {
    const persisted = readPersisted(this.state[STATE_KEY]);
    update(persisted);
    this.state[STATE_KEY] = persisted;
    this.changed = true;
  }
}

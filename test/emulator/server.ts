/**
 * A local Pro Pipe Lines: a real HTTP server on 127.0.0.1 (random port) answering /api/v2 over
 * an in-memory store — auth by API key or user token, the daily quota, the documented status
 * codes in the live API's `{"error": <status>, "message", "type"}` body. Tests assert exactly
 * what the component sent with `expectSent(emu, [...])` (test/helpers.ts), which reads `emu.log`.
 *
 * Settings (`new Emulator(options)`, then mutable as `emu.settings`; see ./settings):
 * - `profile`: "live" (default) answers as public clients of the live service show — HTML
 *   descriptions, every paged list capped at 100 (over the cap: truncated), 429's
 *   API-LIMIT-RESET in epoch seconds, the live 401 wording; "document" answers as the API
 *   document reads — plain descriptions, no cap where the document gives none, an ISO reset,
 *   the document's 401 wording. `EMULATOR_PROFILE=document` changes the default.
 * - `htmlDescriptions`, `limitCaps` (by list path template), `overCap` ("truncate" | "refuse"),
 *   `ignoreOffset` (list path templates), `resetHeader` ("iso" | "epoch"), `dailyQuota`,
 *   `edition`, and at run time `accountExists`, `suspended`, `deactivateKeyAfter429s`,
 *   `disableWebhookAfterFailures`.
 *
 * Test controls: `clock` (set, freeze, stepBack, advance), `onRequest` / `afterNext` (run between
 * requests, before the answer is sent), `bulkCreateLeads`, `admin` (steps, pipelines and fields
 * changes that fire the `account.*` events), `retryDeliveries`, `idle`, `disableWebhook`,
 * `failNext`, `issueToken` / `revokeTokens`.
 *
 * `events` carries what happens, for webhook deliveries and test listeners:
 * - "event" (name, data): the document's base events (`lead.creation`, …; deliveries derive the
 *   specific names such as `lead.status.changed.to.won`);
 * - "live" (name, data): the live API's other events (`lead.any_update`, `account.step.*`,
 *   `account.pipeline.updated`, `account.default_field.*`, `client_folder.created`,
 *   `prospect.updated`), delivered under their own name.
 */
import { randomBytes } from "node:crypto";
import { EventEmitter } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { FakeClock } from "./clock";
import {
  type Caller,
  errorBody,
  HttpError,
  type MultipartPart,
  type PagingRules,
  parseMultipart,
  type Reply,
  type RequestContext,
  Router,
  readBody,
} from "./http";
import { registerResources } from "./resources";
import { AccountAdmin } from "./resources/account";
import { Deliveries } from "./resources/webhooks/deliveries";
import {
  type Edition,
  type EmulatorOptions,
  type Profile,
  profileValues,
  resolveSettings,
  type Settings,
} from "./settings";
import { type Lead, Store } from "./store";

export type { Edition, EmulatorOptions, Profile, Settings } from "./settings";

export interface LoggedRequest {
  method: string;
  /** Path relative to /api/v2, as received (still percent-encoded). */
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
  parts: MultipartPart[];
  /** The answer's status (-1: the connection was dropped). */
  status: number;
}

/** Runs once a request is answered, before the answer is sent. */
export type RequestHook = (entry: LoggedRequest) => void | Promise<void>;

export const DEFAULT_API_KEY = "emulator-api-key-91Jy7XxreymBRMASfTF8";

/** The 401 answers, in the live wording or the document's. */
const UNAUTHORIZED = {
  live: {
    invalidKey: ["Unauthorized: invalid api_key", "unauthorized_invalid_token"],
    invalidToken: ["Unauthorized: invalid api_key", "unauthorized_invalid_token"],
    missing: ["Unauthorized: missing api_key or user token", "unauthorized_missing_token"],
  },
  document: {
    invalidKey: ["Unauthorized: api key invalid", "unauthorized_invalid_api_key"],
    invalidToken: ["Unauthorized: api key invalid", "unauthorized_invalid_token"],
    missing: ["Unauthorized: api key missing", "unauthorized_missing_api_key"],
  },
} as const;

const NOT_AN_API_PAGE =
  "<!DOCTYPE html><html><head><title>Page not found</title></head><body><h1>404</h1><p>The page you were looking for doesn't exist.</p></body></html>";

export class Emulator {
  readonly router = new Router();
  readonly store = new Store();
  /** What happens in the account: see the header comment for the "event" and "live" channels. */
  readonly events = new EventEmitter();
  readonly log: LoggedRequest[] = [];
  readonly apiKeys = new Set<string>([DEFAULT_API_KEY]);
  /** User tokens → user id. */
  readonly tokens = new Map<string, number>();
  readonly settings: Settings;
  /** Changes of the account's steps, pipelines and fields (which fire the `account.*` events). */
  readonly admin: AccountAdmin;
  /** Webhook deliveries in flight and their retries. */
  readonly deliveries: Deliveries;
  requestsToday = 0;
  private faults: Array<"500" | "reset"> = [];
  private hooks: RequestHook[] = [];
  /** Requests per API key after its first 429 of the day. */
  private after429 = new Map<string, number>();
  private server?: Server;
  url = "";

  constructor(opts: EmulatorOptions = {}) {
    this.settings = resolveSettings(opts);
    this.events.setMaxListeners(50);
    this.admin = new AccountAdmin(this);
    this.deliveries = new Deliveries(this);
    registerResources(this);
  }

  get dailyQuota(): number {
    return this.settings.dailyQuota;
  }
  set dailyQuota(value: number) {
    this.settings.dailyQuota = value;
  }
  get edition(): Edition {
    return this.settings.edition;
  }
  set edition(value: Edition) {
    this.settings.edition = value;
  }
  get suspended(): boolean {
    return this.settings.suspended;
  }
  set suspended(value: boolean) {
    this.settings.suspended = value;
  }

  /** The store's fake clock: `set`, `freeze`/`unfreeze`, `stepBack`, `advance`, `now`. */
  get clock(): FakeClock {
    return this.store.clock;
  }

  /** Switches to a profile's values (descriptions, caps, over-cap answer, offsets, reset header). */
  useProfile(profile: Profile): this {
    Object.assign(this.settings, profileValues(profile), { profile });
    return this;
  }

  /** How a list pages under the current settings (`template`: one of PAGED_LISTS). */
  pagingRules(template: string): PagingRules {
    return {
      cap: this.settings.limitCaps[template] ?? null,
      overCap: this.settings.overCap,
      ignoreOffset: this.settings.ignoreOffset.includes(template),
    };
  }

  /** The account address to put in a connection's Account input. */
  get account(): string {
    return this.url;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error) => {
        res.statusCode = 500;
        res.end(JSON.stringify(errorBody(500, String(error), "internal_error")));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}`;
    return this;
  }

  async stop(): Promise<void> {
    await this.deliveries.idle();
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** A fresh API key of this account (isolates token caches between tests). */
  newApiKey(): string {
    const key = `emulator-key-${randomBytes(8).toString("hex")}`;
    this.apiKeys.add(key);
    return key;
  }

  issueToken(userId: number): string {
    const token = `tok-${randomBytes(12).toString("base64url")}`;
    this.tokens.set(token, userId);
    return token;
  }

  /** Invalidate every user token (as a logout or expiry would). */
  revokeTokens(): void {
    this.tokens.clear();
  }

  /** The next `count` requests fail: HTTP 500, or the connection is dropped. */
  failNext(count: number, kind: "500" | "reset" = "500"): void {
    for (let i = 0; i < count; i++) this.faults.push(kind);
  }

  /** Cancel injected faults not yet consumed. */
  clearFaults(): void {
    this.faults.length = 0;
  }

  /**
   * Runs `hook` after every request is answered and before the answer is sent, so a test can
   * change the account between two pages a component reads. Returns the way to remove it.
   */
  onRequest(hook: RequestHook): () => void {
    this.hooks.push(hook);
    return () => {
      this.hooks = this.hooks.filter((h) => h !== hook);
    };
  }

  /** Runs `fn` once, after the `n`-th request from now is answered (before it is sent). */
  afterNext(n: number, fn: RequestHook): () => void {
    let seen = 0;
    const remove = this.onRequest(async (entry) => {
      seen += 1;
      if (seen !== n) return;
      remove();
      await fn(entry);
    });
    return remove;
  }

  /** Adds `count` leads directly (see Store.bulkLeads); `sameSecond` stamps them in one second. */
  bulkCreateLeads(
    count: number,
    opts: { fields?: Partial<Lead>; title?: (i: number) => string; sameSecond?: boolean } = {},
  ): Lead[] {
    return this.store.bulkLeads(count, opts);
  }

  /** Sends again every failed delivery of an enabled webhook (same event id, try_count + 1). */
  retryDeliveries(): Promise<number> {
    return this.deliveries.retry();
  }

  /** Resolves when no webhook delivery is in flight. */
  idle(): Promise<void> {
    return this.deliveries.idle();
  }

  /** Disables a webhook as the live API does after failures (PUT /webhooks/{id}/activate undoes it). */
  disableWebhook(id: number): void {
    this.deliveries.disable(id);
  }

  clearLog(): void {
    this.log.length = 0;
  }

  private unauthorized(kind: keyof (typeof UNAUTHORIZED)["live"]): HttpError {
    const [message, type] = UNAUTHORIZED[this.settings.profile][kind];
    return new HttpError(401, message, type);
  }

  private authenticate(headers: Record<string, string>, path: string): Caller {
    // An unknown account answers as a wrong key does, whatever was sent.
    if (!this.settings.accountExists) return this.throwInvalid("invalidKey");
    if (path === "/auth/login") return { kind: "user" };
    const key = headers["x-api-key"];
    const token = headers["x-user-token"];
    if (key) {
      if (!this.apiKeys.has(key)) return this.throwInvalid("invalidKey");
      return { kind: "apiKey" };
    }
    if (token) {
      const userId = this.tokens.get(token);
      if (!userId) return this.throwInvalid("invalidToken");
      if (this.store.users.get(userId)?.is_disabled) {
        throw new HttpError(401, "Unauthorized: disabled user", "unauthorized_disabled_token");
      }
      return { kind: "user", userId };
    }
    throw this.unauthorized("missing");
  }

  private throwInvalid(kind: "invalidKey" | "invalidToken"): never {
    throw this.unauthorized(kind);
  }

  /** 429, with the seconds to wait and the reset time (ISO or epoch seconds, per settings). */
  private quotaError(key: string | undefined): HttpError {
    const reset = new Date();
    reset.setUTCHours(24, 0, 0, 0);
    const retryAfter = Math.ceil((reset.getTime() - Date.now()) / 1000);
    if (key && this.settings.deactivateKeyAfter429s !== null) {
      const count = (this.after429.get(key) ?? -1) + 1;
      this.after429.set(key, count);
      // Calling on after a 429 may get the key deactivated (live document).
      if (count > this.settings.deactivateKeyAfter429s) this.apiKeys.delete(key);
    }
    return new HttpError(429, "Too many requests", "too_many_requests", {
      "API-RETRY-AFTER": String(retryAfter),
      "API-LIMIT-RESET":
        this.settings.resetHeader === "epoch"
          ? String(Math.floor(reset.getTime() / 1000))
          : reset.toISOString(),
    });
  }

  private async runHooks(entry: LoggedRequest): Promise<void> {
    for (const hook of [...this.hooks]) await hook(entry);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) headers[name] = String(value);
    const contentType = headers["content-type"] ?? "";
    const parts = contentType.startsWith("multipart/form-data")
      ? parseMultipart(raw, contentType)
      : [];
    let body: unknown;
    if (raw.length && contentType.includes("application/json")) {
      try {
        body = JSON.parse(raw.toString("utf8"));
      } catch {
        body = raw.toString("utf8");
      }
    }
    const fullPath = url.pathname;
    const path = fullPath.startsWith("/api/v2")
      ? fullPath.slice("/api/v2".length) || "/"
      : fullPath;
    const entry: LoggedRequest = {
      method: req.method ?? "GET",
      path,
      query: Object.fromEntries(url.searchParams),
      headers,
      body,
      parts,
      status: 0,
    };
    this.log.push(entry);

    const fault = this.faults.shift();
    if (fault === "reset") {
      entry.status = -1;
      await this.runHooks(entry);
      req.socket.destroy();
      return;
    }

    // Not the API: the web server's HTML page, as a host that is not an API host answers.
    if (!fullPath.startsWith("/api/v2/")) {
      entry.status = 404;
      await this.runHooks(entry);
      res.statusCode = 404;
      res.setHeader("Content-Type", "text/html; charset=utf-8");
      res.end(NOT_AN_API_PAGE);
      return;
    }

    let reply: Reply;
    try {
      if (fault === "500") throw new HttpError(500, "Internal server error", "internal_error");
      this.requestsToday += 1;
      if (this.requestsToday > this.settings.dailyQuota)
        throw this.quotaError(headers["x-api-key"]);
      const caller = this.authenticate(headers, path);
      if (this.settings.suspended) {
        throw new HttpError(
          402,
          "Suspended account: pay your subscription to use the API.",
          "suspended_account",
        );
      }
      const route = this.router.match(entry.method, path);
      if (route === "wrong-method")
        throw new HttpError(405, "Method not allowed", "method_not_allowed");
      if (!route)
        throw new HttpError(
          404,
          "Entry not found -- The specified object could not be found",
          "route_not_found",
        );
      const ctx: RequestContext = {
        method: entry.method,
        path,
        params: route.params,
        query: entry.query,
        headers,
        body: body ?? {},
        parts,
        caller,
      };
      reply = await route.handler(ctx);
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      reply = {
        status: error.status,
        body: errorBody(error.status, error.message, error.type),
        headers: error.headers,
      };
    }
    const status = reply.status ?? 200;
    entry.status = status;
    await this.runHooks(entry);
    res.statusCode = status;
    for (const [name, value] of Object.entries(reply.headers ?? {})) res.setHeader(name, value);
    if (reply.body === undefined || status === 304) {
      res.end();
      return;
    }
    res.setHeader("Content-Type", "application/json; charset=utf-8");
    res.end(JSON.stringify(reply.body));
  }
}

export async function startEmulator(opts: EmulatorOptions = {}): Promise<Emulator> {
  return new Emulator(opts).start();
}

/**
 * A local Pro Pipe Lines: a real HTTP server on 127.0.0.1 (random port) answering /api/v2 as the
 * API document describes — auth by API key or user token, the daily quota, the documented
 * status codes and messages in the live API's `{"error", "message", "type"}` body — over an
 * in-memory store. Tests read `emulator.log` to assert exactly what the component sent.
 */
import { randomBytes } from "node:crypto";
import { EventEmitter } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  type Caller,
  errorBody,
  HttpError,
  type MultipartPart,
  parseMultipart,
  type Reply,
  type RequestContext,
  Router,
  readBody,
} from "./http";
import { registerResources } from "./resources";
import { Store } from "./store";

export interface LoggedRequest {
  method: string;
  /** Path relative to /api/v2, as received (still percent-encoded). */
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
  parts: MultipartPart[];
  status: number;
}

export type Edition = "starter" | "expert" | "dreamteam";

export interface EmulatorOptions {
  /** Requests allowed per day before 429 (the live API: 2000). */
  dailyQuota?: number;
  edition?: Edition;
}

export const DEFAULT_API_KEY = "emulator-api-key-91Jy7XxreymBRMASfTF8";

export class Emulator {
  readonly router = new Router();
  readonly store = new Store();
  /** Lead and other events, for webhook deliveries: `emit(eventName, data)`. */
  readonly events = new EventEmitter();
  readonly log: LoggedRequest[] = [];
  readonly apiKeys = new Set<string>([DEFAULT_API_KEY]);
  /** User tokens → user id. */
  readonly tokens = new Map<string, number>();
  dailyQuota: number;
  edition: Edition;
  suspended = false;
  requestsToday = 0;
  private faults: Array<"500" | "reset"> = [];
  private server?: Server;
  url = "";

  constructor(opts: EmulatorOptions = {}) {
    this.dailyQuota = opts.dailyQuota ?? 2000;
    this.edition = opts.edition ?? "dreamteam";
    registerResources(this);
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

  clearLog(): void {
    this.log.length = 0;
  }

  /** Logged requests matching a method and a path (string: exact; RegExp: test). */
  requests(method?: string, path?: string | RegExp): LoggedRequest[] {
    return this.log.filter(
      (r) =>
        (!method || r.method === method) &&
        (path === undefined || (typeof path === "string" ? r.path === path : path.test(r.path))),
    );
  }

  private authenticate(headers: Record<string, string>, path: string): Caller {
    if (path === "/auth/login") return { kind: "user" };
    const key = headers["x-api-key"];
    const token = headers["x-user-token"];
    if (key) {
      if (!this.apiKeys.has(key))
        throw new HttpError(401, "Unauthorized: api key invalid", "unauthorized_invalid_api_key");
      return { kind: "apiKey" };
    }
    if (token) {
      const userId = this.tokens.get(token);
      if (!userId)
        throw new HttpError(401, "Unauthorized: api key invalid", "unauthorized_invalid_token");
      return { kind: "user", userId };
    }
    throw new HttpError(401, "Unauthorized: api key missing", "unauthorized_missing_api_key");
  }

  private quotaError(): HttpError {
    const reset = new Date();
    reset.setUTCHours(24, 0, 0, 0);
    const retryAfter = Math.ceil((reset.getTime() - Date.now()) / 1000);
    return new HttpError(429, "Too many requests", "too_many_requests", {
      "API-RETRY-AFTER": String(retryAfter),
      "API-LIMIT-RESET": reset.toISOString(),
    });
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
      req.socket.destroy();
      return;
    }

    let reply: Reply;
    try {
      if (fault === "500") throw new HttpError(500, "Internal server error", "internal_error");
      if (!fullPath.startsWith("/api/v2/"))
        throw new HttpError(404, "Not found", "route_not_found");
      this.requestsToday += 1;
      if (this.requestsToday > this.dailyQuota) throw this.quotaError();
      const caller = this.authenticate(headers, path);
      if (this.suspended) {
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

/**
 * Small hostile HTTP servers on 127.0.0.1 for transport tests: each answers as its handler says
 * (redirects, trickling bytes, broken JSON, lying headers, echoed credentials) and records every
 * request it receives, so a test can assert what was sent and that another host got nothing.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach } from "vitest";

export interface Received {
  method: string;
  /** Path relative to /api/v2 (or the raw path when outside it). */
  path: string;
  query: Record<string, string>;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: string;
}

/** Answers one request (its return value is ignored). */
export type Handler = (req: Received, res: ServerResponse) => unknown;

export interface Hostile {
  /** http://127.0.0.1:PORT */
  url: string;
  /** The value for a connection's Account (the url). */
  readonly account: string;
  received: Received[];
  /** The same requests, for `expectSent(server, [...])` (the emulator's name for its log). */
  readonly log: readonly Received[];
  /** Forgets the requests received so far (as the emulator's `clearLog`). */
  clearLog(): void;
  /** What the server answers from now on. */
  handle: Handler;
  /** Requests whose socket the client closed before the answer was complete. */
  aborted: number;
  /** TCP connections opened to the server (a TLS attempt counts too, though it is no request). */
  connections: number;
  start(): Promise<void>;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export function hostile(handle: Handler = (_, res) => res.end()): Hostile {
  let server: Server | undefined;
  const self: Hostile = {
    url: "",
    get account() {
      return self.url;
    },
    received: [],
    get log() {
      return self.received;
    },
    clearLog() {
      self.received.length = 0;
    },
    handle,
    aborted: 0,
    connections: 0,
    async start() {
      server = createServer((req: IncomingMessage, res: ServerResponse) => {
        res.on("close", () => {
          if (!res.writableFinished) self.aborted += 1;
        });
        readBody(req).then(async (body) => {
          const url = new URL(req.url ?? "/", "http://127.0.0.1");
          const headers: Record<string, string> = {};
          for (const [name, value] of Object.entries(req.headers)) headers[name] = String(value);
          const received: Received = {
            method: req.method ?? "GET",
            path: url.pathname.startsWith("/api/v2")
              ? url.pathname.slice("/api/v2".length) || "/"
              : url.pathname,
            query: Object.fromEntries(url.searchParams),
            headers,
            body,
          };
          self.received.push(received);
          await self.handle(received, res);
        });
      });
      server.on("connection", () => {
        self.connections += 1;
      });
      await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
      self.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
    async close() {
      const s = server;
      if (!s) return;
      s.closeAllConnections();
      await new Promise<void>((resolve) => s.close(() => resolve()));
    },
  };
  return self;
}

/** A hostile server for the test file: started before, closed after, its log emptied per test. */
export function useHostile(handle?: Handler): Hostile {
  const server = hostile(handle);
  beforeAll(() => server.start());
  afterAll(() => server.close());
  beforeEach(() => {
    server.clearLog();
    server.aborted = 0;
    server.connections = 0;
  });
  return server;
}

/** Answers `body` as JSON (with extra headers). */
export function json(res: ServerResponse, status: number, body: unknown, headers = {}): void {
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", ...headers });
  res.end(JSON.stringify(body));
}

/** The live API's error body. */
export function apiError(res: ServerResponse, status: number, message: string, type?: string) {
  json(res, status, type ? { error: status, message, type } : { error: status, message });
}

/** A random integer in [min, max]. */
export const randomInt = (min: number, max: number) =>
  min + Math.floor(Math.random() * (max - min + 1));

/** A random element of `items`. */
export const pickOne = <T>(items: readonly T[]): T =>
  items[Math.floor(Math.random() * items.length)] as T;

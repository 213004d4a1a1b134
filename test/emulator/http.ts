/** Request parsing, routing and error answers of the emulator, in the live API's style. */
import type { IncomingMessage } from "node:http";

export interface MultipartPart {
  name: string;
  filename?: string;
  contentType?: string;
  data: Buffer;
}

export interface Caller {
  /** "apiKey": the account's key (admin rights); "user": a user token. */
  kind: "apiKey" | "user";
  userId?: number;
}

export interface RequestContext {
  method: string;
  /** Path relative to /api/v2. */
  path: string;
  params: Record<string, string>;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
  parts: MultipartPart[];
  caller: Caller;
}

export interface Reply {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Handler = (ctx: RequestContext) => Reply | Promise<Reply>;

/** An error answer `{"error": <status>, "message", "type"}` as the live API sends. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly type: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** The live error body: `error` is the HTTP status as a number; clients branch on `type`. */
export function errorBody(status: number, message: string, type: string) {
  return { error: status, message, type };
}

export const notFound = () =>
  new HttpError(
    404,
    "Entry not found -- The specified object could not be found",
    "record_not_found",
  );
export const badRequest = (message: string, type = "bad_parameter_format") =>
  new HttpError(400, message, type);
/** An API-key-only call (webhooks, …) made with a user token; the live type is `not_api_key`. */
export const userTokenRefused = () =>
  new HttpError(
    401,
    "Unauthorized: you cannot use this action with a USER token. You have to use the API key method to authenticate.",
    "not_api_key",
  );
export const notPrivileged = () =>
  new HttpError(
    401,
    "Unauthorized: the user has not the privileges to do this action.",
    "unauthorized_not_admin",
  );
/** The document's 403 (a feature the account's edition lacks), with the live type. */
export const featureRefused = () =>
  new HttpError(403, "Cannot access this feature.", "forbidden_action");
/** A required parameter is absent (400; the message names it). */
export const missingParam = (name: string) =>
  badRequest(`Missing parameter: ${name}`, "missing_parameter");
/** A parameter has a value the API does not accept (400). */
export const badValue = (name: string) =>
  badRequest(`Parameter ${name} not recognized.`, "bad_parameter_value");
/** A required parameter is absent, as the endpoints answering 422 say it (no name). */
export const missingParameter = () =>
  new HttpError(422, "Missing required parameter", "missing_parameter");
export const unprocessable = () =>
  new HttpError(422, "Unprocessable -- Unable to perform your request", "unprocessable");

/** `row` when there is one and `belongs` accepts it (a child of the parent in the path), else 404. */
export function or404<T>(row: T | undefined, belongs: (row: T) => boolean = () => true): T {
  if (!row || !belongs(row)) throw notFound();
  return row;
}

/** The row whose id is `raw` (digits only: anything else is not an id), or the API's 404. */
export function getOr404<T>(table: Map<number, T>, raw: string | undefined): T {
  return or404(/^\d+$/.test(raw ?? "") ? table.get(Number(raw)) : undefined);
}

/** The request body as a record (the server hands `{}` when there is none). */
export function bodyOf(ctx: RequestContext): Record<string, unknown> {
  const body = ctx.body;
  return body && typeof body === "object" && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : {};
}

interface Route {
  method: string;
  pattern: RegExp;
  keys: string[];
  handler: Handler;
}

export class Router {
  private readonly routes: Route[] = [];

  /** `path` like `/leads/:id/comments`. Later registrations of the same route win. */
  on(method: string, path: string, handler: Handler): this {
    const keys: string[] = [];
    const source = path.replace(/:(\w+)/g, (_, key: string) => {
      keys.push(key);
      return "([^/]+)";
    });
    this.routes.unshift({ method, pattern: new RegExp(`^${source}/?$`), keys, handler });
    return this;
  }

  match(
    method: string,
    path: string,
  ): { handler: Handler; params: Record<string, string> } | "wrong-method" | undefined {
    let pathMatched = false;
    for (const route of this.routes) {
      const m = route.pattern.exec(path);
      if (!m) continue;
      pathMatched = true;
      if (route.method !== method) continue;
      const params: Record<string, string> = {};
      route.keys.forEach((key, i) => {
        params[key] = decodeURIComponent(m[i + 1] ?? "");
      });
      return { handler: route.handler, params };
    }
    return pathMatched ? "wrong-method" : undefined;
  }
}

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Minimal multipart/form-data parser (enough for the component's uploads). */
export function parseMultipart(raw: Buffer, contentType: string): MultipartPart[] {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  if (!boundary) return [];
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const parts: MultipartPart[] = [];
  let start = raw.indexOf(delimiter);
  while (start !== -1) {
    const next = raw.indexOf(delimiter, start + delimiter.length);
    if (next === -1) break;
    const chunk = raw.subarray(start + delimiter.length + 2, next - 2);
    const headerEnd = chunk.indexOf("\r\n\r\n");
    if (headerEnd !== -1) {
      const head = chunk.subarray(0, headerEnd).toString("utf8");
      const name = /name="([^"]*)"/i.exec(head)?.[1] ?? "";
      const filename = /filename="([^"]*)"/i.exec(head)?.[1];
      const type = /content-type:\s*([^\r\n]+)/i.exec(head)?.[1];
      parts.push({ name, filename, contentType: type, data: chunk.subarray(headerEnd + 4) });
    }
    start = next;
  }
  return parts;
}

/** How one list pages, from the settings (see `Emulator.pagingRules`). */
export interface PagingRules {
  /** The largest limit (null: none). */
  cap: number | null;
  /** Above the cap: lowered to it, or refused with 400 bad_parameter_format. */
  overCap: "truncate" | "refuse";
  /** The list answers from the start whatever the offset (as some live lists may). */
  ignoreOffset: boolean;
}

export interface PageOptions<T> extends Partial<PagingRules> {
  /** The limit when the query gives none (100). */
  defaultLimit?: number;
  /** The JSON of one item of the page (only the page's items are mapped). */
  map?: (item: T) => unknown;
}

/** Limit/offset paging with the live API's `X-TOTAL-COUNT` header (the total before paging). */
export function page<T>(
  items: T[],
  query: Record<string, string>,
  {
    defaultLimit = 100,
    cap = null,
    overCap = "truncate",
    ignoreOffset = false,
    map,
  }: PageOptions<T> = {},
): Reply {
  const limitRaw = query.limit ?? String(defaultLimit);
  const offsetRaw = query.offset ?? "0";
  if (!/^\d+$/.test(limitRaw) || !/^\d+$/.test(offsetRaw)) {
    throw badRequest("Parameter limit or offset is not formatted properly");
  }
  let limit = Number(limitRaw);
  if (cap !== null && limit > cap) {
    if (overCap === "refuse") {
      throw badRequest(`Parameter limit should be between 1 and ${cap}`);
    }
    limit = cap;
  }
  const offset = ignoreOffset ? 0 : Number(offsetRaw);
  const shown = items.slice(offset, offset + limit);
  return {
    body: map ? shown.map(map) : shown,
    headers: { "X-TOTAL-COUNT": String(items.length) },
  };
}

/** Case-insensitive direction sort on a key (asc default unless given). */
export function ordered<T>(
  items: T[],
  direction: string | undefined,
  key: (item: T) => number | string,
  fallback: "asc" | "desc" = "asc",
): T[] {
  const dir = (direction ?? fallback).toLowerCase();
  if (dir !== "asc" && dir !== "desc") throw badValue("direction");
  const sorted = [...items].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  return dir === "desc" ? sorted.reverse() : sorted;
}

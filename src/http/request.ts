/**
 * What a request to the API is, as the rest of the component describes it, and how its URL is
 * built: path parameters are percent-encoded one segment each (an ID like `1/../../users` can
 * never change the path), query arrays are sent comma-separated.
 */
import type FormData from "form-data";

export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE";
export type QueryValue = string | number | boolean | undefined | null | Array<string | number>;

/**
 * What a successful (2xx) answer must hold; anything else is an "unreadable answer" error,
 * retried like a 5xx for GET, PUT and DELETE:
 * - `"json"` (default): a JSON document (an empty body is unreadable);
 * - `"list"`: a JSON array (lists, Fetch All pages, data sources);
 * - `"empty"`: no body, or a JSON document (the API's "returns nothing" calls: logout, send
 *   activation email). `data` is null when the body is empty.
 * A 204, and a status listed in `acceptStatuses` (a 304 "nothing done"), carry no body: `data`
 * is null, except that a list never reads as null.
 */
export type Expect = "json" | "list" | "empty";

export interface ApiRequest {
  method: HttpMethod;
  /** Path template relative to /api/v2, e.g. `/leads/{id}/comments`. */
  path: string;
  /** Values for the template's `{name}` segments; each is encoded as one path segment. */
  pathParams?: Record<string, string | number>;
  query?: Record<string, QueryValue>;
  /** JSON body. */
  body?: unknown;
  /** multipart/form-data body (takes precedence over `body`). */
  form?: FormData;
  headers?: Record<string, string>;
  /** What the answer holds (default "json"): see `Expect`. */
  expect?: Expect;
  /** Log the request and response (credentials redacted) through the step's logger. */
  debug?: boolean;
  /** Non-2xx statuses that are answers, not errors (logout answers 304 "nothing done"). */
  acceptStatuses?: number[];
}

export interface ApiResponse<T = unknown> {
  status: number;
  data: T;
  /** Response headers, names in lower case. */
  headers: Record<string, string>;
}

const PATH_PARAM = /\{(\w+)\}/g;

/** Expands `/leads/{id}` with each value encoded as exactly one path segment. */
export function expandPath(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(PATH_PARAM, (_, name: string) => {
    const raw = params[name];
    const value = raw === undefined || raw === null ? "" : String(raw);
    if (value === "" || value === "." || value === "..") {
      throw new Error(`Path parameter "${name}" is empty or not a valid identifier.`);
    }
    return encodeURIComponent(value);
  });
}

/** Query string in the API's style: arrays as comma-separated values, empty values left out. */
export function toQuery(query: Record<string, QueryValue> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "") continue;
    if (Array.isArray(value)) {
      if (value.length > 0) out[key] = value.join(",");
    } else {
      out[key] = String(value);
    }
  }
  return out;
}

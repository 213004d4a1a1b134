/**
 * The one HTTP client of the component. Actions, data sources, triggers and connections all
 * send through `ProPipeLinesClient.request`, which:
 * - builds the URL from the connection's account and a path template whose parameters are
 *   percent-encoded one segment each (an ID like `1/../../users` can never change the path);
 * - applies the connection's auth (API key, or a user token fetched once and cached: see auth.ts);
 * - retries only idempotent requests (GET, PUT, DELETE) on network errors and 5xx, with
 *   exponential backoff — never a POST, never a 429 (the daily quota is spent: retrying wastes it);
 * - turns every failure into an `ApiError` carrying the status, the API's message and a hint,
 *   and nothing from the request's headers.
 */
import type { ActionLogger, Connection } from "@prismatic-io/spectral";
import { createClient, type HttpClient } from "@prismatic-io/spectral/dist/clients/http";
import { type AxiosError, type AxiosResponse, isAxiosError } from "axios";
import { isNetworkError } from "axios-retry";
import type FormData from "form-data";
import { AuthSession, isTokenRejection, readConnection } from "./auth";
import { ApiError, SECRET_HEADERS } from "./errors";

export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE";
export type QueryValue = string | number | boolean | undefined | null | Array<string | number>;

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
  /** Log the request and response (headers redacted) through the step's logger. */
  debug?: boolean;
  /** Non-2xx statuses that are answers, not errors (logout answers 304 "nothing done"). */
  acceptStatuses?: number[];
  /** What a successful answer must be: a JSON array, any JSON, or possibly no body. */
  expect?: "list" | "json" | "empty";
}

export interface ApiResponse<T = unknown> {
  status: number;
  data: T;
  headers: Record<string, string>;
}

/** Tunables shared by every client; tests and benchmarks may shorten the backoff. */
export const clientSettings = {
  timeoutMs: 30_000,
  retries: 3,
  /** First retry waits this long; each further retry doubles it. */
  retryBaseDelayMs: 300,
};

const RETRYABLE_METHODS = new Set(["get", "put", "delete"]);

/** Idempotent request that failed on the network or with a 5xx. Never POST, never 429. */
export function isRetryable(error: AxiosError): boolean {
  const method = error.config?.method?.toLowerCase() ?? "";
  if (!RETRYABLE_METHODS.has(method)) return false;
  const status = error.response?.status;
  if (status === undefined) return isNetworkError(error);
  return status >= 500 && status <= 599;
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

function redactHeaders(headers: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(headers)) {
    out[name] = SECRET_HEADERS.includes(name.toLowerCase()) ? "[redacted]" : value;
  }
  return out;
}

function flatHeaders(headers: AxiosResponse["headers"] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value !== undefined && value !== null) out[name.toLowerCase()] = String(value);
  }
  return out;
}

/** The API's message from an error body `{"error", "message", "type"}` (or a bare string). */
function apiMessageOf(data: unknown, fallback: string): { message: string; type?: string } {
  if (typeof data === "string" && data.trim()) return { message: data.trim().slice(0, 500) };
  if (data && typeof data === "object") {
    const body = data as Record<string, unknown>;
    const message = [body.message, body.error].find((v) => typeof v === "string" && v.trim());
    const type = typeof body.type === "string" ? body.type : undefined;
    if (typeof message === "string") return { message, type };
  }
  return { message: fallback };
}

/** An AxiosError becomes an ApiError holding no request data (headers carry the credentials). */
export function toApiError(error: unknown, method: string, path: string): ApiError {
  if (!isAxiosError(error)) {
    return new ApiError({
      status: 0,
      apiMessage: "the request failed",
      method,
      path,
      code: "UNKNOWN",
    });
  }
  const response = error.response;
  if (!response) {
    const code = error.code ?? "NETWORK_ERROR";
    const what = code === "ECONNABORTED" ? "the request timed out" : "the connection failed";
    return new ApiError(
      { status: 0, apiMessage: what, method, path, code },
      "Check the connection's Account address; if it is right, Pro Pipe Lines may be down: try again later.",
    );
  }
  const headers = flatHeaders(response.headers);
  const { message, type } = apiMessageOf(response.data, response.statusText || "no message");
  const retryAfter = Number(headers["api-retry-after"] ?? headers["retry-after"]);
  return new ApiError({
    status: response.status,
    type,
    apiMessage: message,
    method,
    path,
    resetAt: headers["api-limit-reset"],
    retryAfterSeconds: Number.isFinite(retryAfter) ? retryAfter : undefined,
  });
}

/** The shared axios instance: spectral's createClient with our retry rule. */
function createHttp(baseUrl: string): HttpClient {
  const http = createClient({
    baseUrl,
    timeout: clientSettings.timeoutMs,
    responseType: "json",
    headers: { Accept: "application/json" },
    retryConfig: {
      retries: clientSettings.retries,
      retryDelay: clientSettings.retryBaseDelayMs,
      useExponentialBackoff: true,
      retryCondition: isRetryable,
    },
  });
  // An absolute URL must never replace the account's base URL.
  http.defaults.allowAbsoluteUrls = false;
  return http;
}

export class ProPipeLinesClient {
  private readonly http: HttpClient;
  /** Number of HTTP requests this client sent (retries and token fetches included). */
  requestCount = 0;

  constructor(
    readonly baseUrl: string,
    readonly session: AuthSession,
    private readonly logger?: Pick<ActionLogger, "info">,
  ) {
    this.http = createHttp(baseUrl);
    this.http.interceptors.request.use((config) => {
      this.requestCount += 1;
      return config;
    });
  }

  /** Sends a request with the connection's auth; on a rejected user token, refreshes it once. */
  async request<T = unknown>(req: ApiRequest): Promise<ApiResponse<T>> {
    const auth = await this.session.authHeaders(this);
    try {
      return await this.send<T>(req, auth);
    } catch (error) {
      if (error instanceof ApiError && isTokenRejection(error) && this.session.canRefresh) {
        const fresh = await this.session.authHeaders(this, { refresh: true });
        return this.send<T>(req, fresh);
      }
      throw error;
    }
  }

  /** Sends with explicit auth headers: used by the session itself to fetch tokens. */
  async send<T = unknown>(req: ApiRequest, auth: Record<string, string>): Promise<ApiResponse<T>> {
    const url = expandPath(req.path, req.pathParams);
    const headers: Record<string, string> = { ...req.headers, ...auth };
    let data: unknown;
    if (req.form) {
      data = req.form;
      Object.assign(headers, req.form.getHeaders());
    } else if (req.body !== undefined) {
      data = req.body;
      headers["Content-Type"] = "application/json";
    }
    const params = toQuery(req.query);
    const started = Date.now();
    if (req.debug) {
      this.logger?.info(
        `Pro Pipe Lines request: ${req.method} ${url} ${JSON.stringify({ query: params, headers: redactHeaders(headers) })}`,
      );
    }
    try {
      const accepted = req.acceptStatuses ?? [];
      const response = await this.http.request<T>({
        method: req.method,
        url,
        params,
        data,
        headers,
        validateStatus: (status) => (status >= 200 && status < 300) || accepted.includes(status),
      });
      if (req.debug) {
        this.logger?.info(
          `Pro Pipe Lines response: ${response.status} in ${Date.now() - started} ms`,
        );
      }
      return {
        status: response.status,
        // The API answers some calls (logout, activation email) with no body.
        data: (response.data === "" ? null : response.data) as T,
        headers: flatHeaders(response.headers),
      };
    } catch (error) {
      const apiError = toApiError(error, req.method, url);
      if (req.debug) this.logger?.info(`Pro Pipe Lines response: ${apiError.message}`);
      throw apiError;
    }
  }
}

/** What a step's context offers the client: its logger and, for actions and triggers, state. */
export interface ClientContext {
  logger?: Pick<ActionLogger, "info">;
  instanceState?: Record<string, unknown>;
}

/**
 * The client for a step's connection. Checks the connection first (an invalid account or a
 * missing key fails here, before any request). A copy of `instanceState` backs the token cache;
 * `client.session.stateUpdate()` tells what to hand back to Prismatic.
 */
export function connect(
  connection: Connection | undefined,
  context: ClientContext = {},
): ProPipeLinesClient {
  const settings = readConnection(connection);
  const session = new AuthSession(settings, { ...(context.instanceState ?? {}) });
  return new ProPipeLinesClient(settings.baseUrl, session, context.logger);
}

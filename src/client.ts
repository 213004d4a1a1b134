/**
 * The one HTTP client of the component. Actions, data sources, triggers and connections all
 * send through `ProPipeLinesClient.request`, which:
 * - builds the URL from the connection's account and a path template (http/request.ts);
 * - applies the connection's auth: the API key, or a user token shared through the session
 *   (session.ts), renewed once when the API's 401 `type` says the token is no longer valid;
 * - never follows a redirect, and checks every answer against what the request expects
 *   (http/answer.ts): a 3xx, an HTML page or truncated JSON is an error, never data;
 * - bounds time: a deadline over each whole transfer, one budget for a request's retries and
 *   one for the step (http/settings.ts);
 * - retries only idempotent requests (GET, PUT, DELETE) on network errors, timeouts, 5xx and
 *   unreadable answers, with exponential backoff — never a POST, never a 429 (the daily quota
 *   is spent: retrying wastes it), never a redirect;
 * - turns every failure into an `ApiError` (or, for refused credentials, an
 *   `ApiConnectionError`) whose text is redacted of the connection's credentials.
 */
import type { ActionLogger, Connection } from "@prismatic-io/spectral";
import axios, { type AxiosInstance, type AxiosResponse, isAxiosError } from "axios";
import { isNetworkError } from "axios-retry";
import {
  type ConnectionSettings,
  credentialHint,
  fetchUserToken,
  isCredentialRejection,
  isRenewableRejection,
  readConnection,
  secretsOf,
  type UserToken,
} from "./auth";
import { ApiConnectionError, ApiError, type ApiErrorDetails, TIMEOUT } from "./errors";
import { readAnswer } from "./http/answer";
import { type ApiRequest, type ApiResponse, expandPath, toQuery } from "./http/request";
import { transportSettings } from "./http/settings";
import { Redactor, SECRET_HEADERS } from "./secrets";
import { Session } from "./session";

export type {
  ApiRequest,
  ApiResponse,
  Expect,
  HttpMethod,
  QueryValue,
} from "./http/request";
export { transportSettings } from "./http/settings";

/** Largest answer read (a page of 1000 leads is a few MB). */
const MAX_ANSWER_BYTES = 64 * 1024 * 1024;
const IDEMPOTENT = new Set(["GET", "PUT", "DELETE"]);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function flatHeaders(headers: AxiosResponse["headers"] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value !== undefined && value !== null) out[name.toLowerCase()] = String(value);
  }
  return out;
}

function maskHeaders(headers: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(headers)) {
    out[name] = SECRET_HEADERS.includes(name.toLowerCase()) ? "[redacted]" : value;
  }
  return out;
}

/**
 * The axios instance: no redirects followed (with `maxRedirects: 0` axios uses Node's own http
 * module, without follow-redirects), no proxy from the environment (credentials go only to the
 * account), no relative-URL escape to another host, the body read as text and checked by
 * `readAnswer`, every status handed back (the client decides).
 */
function createHttp(baseUrl: string): AxiosInstance {
  return axios.create({
    baseURL: baseUrl,
    allowAbsoluteUrls: false,
    maxRedirects: 0,
    proxy: false,
    timeout: 0,
    responseType: "text",
    transformResponse: [(data: unknown) => data],
    validateStatus: () => true,
    maxContentLength: MAX_ANSWER_BYTES,
    headers: { Accept: "application/json" },
  });
}

/** One attempt's outcome: the answer, or an error and whether another attempt may help. */
type Attempt =
  | { ok: true; response: ApiResponse }
  | { ok: false; details: ApiErrorDetails; retryable: boolean };

export class ProPipeLinesClient {
  readonly session: Session;
  readonly baseUrl: string;
  private readonly http: AxiosInstance;
  private readonly secrets: Redactor;
  private readonly logger?: Pick<ActionLogger, "info">;
  /** When this step's time budget ends (the client is made for one step). */
  private readonly stepDeadline: number;

  constructor(
    private readonly connection: Connection,
    private readonly settings: ConnectionSettings,
    context: ClientContext = {},
  ) {
    this.baseUrl = settings.baseUrl;
    this.http = createHttp(settings.baseUrl);
    this.secrets = new Redactor().add(...secretsOf(settings));
    this.session = new Session(settings, context.state, () => this.fetchToken());
    this.logger = context.logger;
    this.stepDeadline = Date.now() + transportSettings.stepBudgetMs;
  }

  /** Sends a request with the connection's auth; on a rejected user token, renews it once. */
  async request<T = unknown>(req: ApiRequest): Promise<ApiResponse<T>> {
    const auth = await this.session.authHeaders();
    try {
      return await this.send<T>(req, auth);
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 401) throw error;
      if (this.session.usesToken && isRenewableRejection(error)) {
        const renewed = await this.session.renew(auth);
        try {
          return await this.send<T>(req, renewed);
        } catch (again) {
          throw this.credentialsRefused(again);
        }
      }
      throw this.credentialsRefused(error);
    }
  }

  /**
   * Sends with explicit auth headers (the session's token fetch, the Log In action), retrying
   * idempotent requests within the time budgets.
   */
  async send<T = unknown>(req: ApiRequest, auth: Record<string, string>): Promise<ApiResponse<T>> {
    this.secrets.add(...Object.values(auth));
    const path = expandPath(req.path, req.pathParams);
    const headers: Record<string, string> = { ...req.headers, ...auth };
    let data: unknown;
    if (req.form) {
      Object.assign(headers, req.form.getHeaders());
      data = formBytes(req.form);
    } else if (req.body !== undefined) {
      data = req.body;
      headers["Content-Type"] = "application/json";
    }
    const params = toQuery(req.query);
    this.debug(req, () => {
      const details = JSON.stringify({ query: params, headers: maskHeaders(headers) });
      return `Pro Pipe Lines request: ${req.method} ${path} ${details}`;
    });
    const requestDeadline = Date.now() + transportSettings.requestBudgetMs;
    for (let retry = 0; ; retry++) {
      const started = Date.now();
      const deadline = Math.min(requestDeadline, this.stepDeadline);
      const outcome = await this.attempt(req, path, { params, data, headers }, deadline);
      if (outcome.ok) {
        this.debug(req, () => {
          return `Pro Pipe Lines response: ${outcome.response.status} in ${Date.now() - started} ms`;
        });
        return outcome.response as ApiResponse<T>;
      }
      const error = new ApiError(outcome.details);
      this.debug(req, () => `Pro Pipe Lines response: ${error.message}`);
      const delay = transportSettings.retryBaseDelayMs * 2 ** retry;
      const retrying =
        outcome.retryable &&
        IDEMPOTENT.has(req.method) &&
        retry < transportSettings.retries &&
        Date.now() + delay < deadline;
      if (!retrying) throw error;
      await sleep(delay);
    }
  }

  /** One attempt, aborted at its deadline however slowly the answer arrives. */
  private async attempt(
    req: ApiRequest,
    path: string,
    config: { params: Record<string, string>; data: unknown; headers: Record<string, string> },
    deadline: number,
  ): Promise<Attempt> {
    const where = { method: req.method, path: this.secrets.redact(path) };
    const timeoutMs = Math.min(transportSettings.attemptTimeoutMs, deadline - Date.now());
    if (timeoutMs <= 0) {
      const details = {
        ...where,
        status: 0,
        code: TIMEOUT,
        apiMessage: "the step's time budget is spent",
      };
      return { ok: false, details, retryable: false };
    }
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    let response: AxiosResponse<string>;
    try {
      response = await this.http.request<string>({
        method: req.method,
        url: path,
        ...config,
        signal: controller.signal,
      });
    } catch (error) {
      if (controller.signal.aborted) {
        const seconds = Math.round(timeoutMs / 100) / 10;
        const apiMessage = `no complete answer within ${seconds} s`;
        return {
          ok: false,
          details: { ...where, status: 0, code: TIMEOUT, apiMessage },
          retryable: true,
        };
      }
      const code = (isAxiosError(error) && error.code) || "NETWORK_ERROR";
      const details = { ...where, status: 0, code, apiMessage: "the connection failed" };
      return { ok: false, details, retryable: isAxiosError(error) && isNetworkError(error) };
    } finally {
      clearTimeout(timer);
    }
    const headers = flatHeaders(response.headers);
    const body = typeof response.data === "string" ? response.data : "";
    const reading = readAnswer(req, this.baseUrl, response.status, headers, body);
    if (reading.ok)
      return { ok: true, response: { status: response.status, data: reading.data, headers } };
    const { failure, retryable } = reading;
    const details = { ...failure, ...where, apiMessage: this.secrets.redact(failure.apiMessage) };
    return { ok: false, details, retryable };
  }

  /** The connection's token exchange, its refusals turned into connection errors. */
  private async fetchToken(): Promise<UserToken> {
    try {
      const token = await fetchUserToken(this.settings, (req, auth) => this.send(req, auth));
      this.secrets.add(token.token);
      return token;
    } catch (error) {
      throw this.credentialsRefused(error);
    }
  }

  /** A 401 refusing the connection's credentials becomes spectral's ConnectionError. */
  private credentialsRefused(error: unknown): unknown {
    if (!(error instanceof ApiError) || !isCredentialRejection(error)) return error;
    return new ApiConnectionError(
      this.connection,
      error,
      credentialHint(this.settings, error.type),
    );
  }

  private debug(req: ApiRequest, line: () => string): void {
    if (req.debug && this.logger) this.logger.info(this.secrets.redact(line()));
  }
}

/** The multipart body as bytes, so a renewed or retried request can send it again. */
function formBytes(form: NonNullable<ApiRequest["form"]>): unknown {
  try {
    return form.getBuffer();
  } catch {
    return form;
  }
}

/** What a step offers the client: its logger and, where the step has one, a state record. */
export interface ClientContext {
  logger?: Pick<ActionLogger, "info">;
  /**
   * A state record the session may read and extend (instanceState, a polling trigger's
   * state): `client.session.stateUpdate()` / `stateSlice()` tell what to hand back.
   */
  state?: Record<string, unknown>;
}

/**
 * The client for a step's connection. Checks the connection first (an invalid account or a
 * missing key fails here, before any request).
 */
export function connect(
  connection: Connection | undefined,
  context: ClientContext = {},
): ProPipeLinesClient {
  const settings = readConnection(connection);
  return new ProPipeLinesClient(connection as Connection, settings, context);
}

/**
 * The declarative action factory. An endpoint is declared once, as data:
 *
 *   endpoint({
 *     key: "getLead", label: "Get Lead", description: "…",
 *     method: "GET", path: "/leads/{id}",
 *     params: { id: inPath(leadId) },
 *     example: { id: 8113, title: "Loretta Inc." },
 *   })
 *
 * and `endpointActions([...])` turns declarations into spectral actions that validate their
 * inputs (clean functions, then `validate`), place each value (path / query / JSON body; a
 * multipart body is built by `prepare`), send through the one client, and return `{ data }`.
 */
import { type ActionDefinition, action, type Connection } from "@prismatic-io/spectral";
import {
  type ApiRequest,
  type ApiResponse,
  connect,
  type Expect,
  type HttpMethod,
  type ProPipeLinesClient,
} from "./client";
import { ApiError } from "./errors";
import { connectionInput, fetchAll, type InputMap, maxRecords } from "./inputs";
import { fetchPages } from "./pagination";
import { isEmpty } from "./validate";

type Placement = "path" | "query" | "body" | "local";
type AnyInput = InputMap[string];

export interface Param {
  input: AnyInput;
  in: Placement;
  /** The API's parameter name, when it differs from the input key. */
  name?: string;
}

/** In the URL path: `{key}` in the path template. */
export const inPath = (input: AnyInput, name?: string): Param => ({ input, in: "path", name });
/** In the query string (arrays are sent comma-separated). */
export const inQuery = (input: AnyInput, name?: string): Param => ({ input, in: "query", name });
/** A field of the JSON body. */
export const inBody = (input: AnyInput, name?: string): Param => ({ input, in: "body", name });
/** Not sent as such: read by `prepare`, `validate` or `run`. */
export const local = (input: AnyInput): Param => ({ input, in: "local" });

/** Cleaned input values, by input key. */
export type Values = Record<string, unknown>;

export interface EndpointSpec {
  key: string;
  label: string;
  description: string;
  method: HttpMethod;
  /** Path relative to /api/v2 with `{param}` segments. */
  path: string;
  params?: Record<string, Param>;
  /** Rules across inputs (throw `InputError`); runs before any request. */
  validate?: (values: Values) => void;
  /** Adjusts the built request (e.g. composes a body field from several inputs). */
  prepare?: (request: ApiRequest, values: Values) => ApiRequest;
  /**
   * Adds Fetch All / Maximum Records: pages with `limit`/`offset` up to `maxPageSize`
   * (`adaptive`: see `PageOptions`, used when Page Size is left empty).
   */
  pagination?: { maxPageSize: number; adaptive?: boolean };
  /** What the answer holds (default: "list" for paginated endpoints, else "json"). */
  expect?: Expect;
  /** Shapes the returned data (default: the response body). */
  result?: (response: ApiResponse, values: Values) => unknown;
  /** For actions that make several requests (batches, fan-out); replaces the single send. */
  run?: (client: ProPipeLinesClient, request: ApiRequest, values: Values) => Promise<unknown>;
  /** What to do about these API error statuses, in place of the generic hint (errors.ts). */
  hints?: Partial<Record<number, string>>;
  /** Statuses that are answers rather than errors (e.g. 304 "nothing done"). */
  acceptStatuses?: number[];
  /** The `data` of a typical result, shown to flow builders. */
  example: unknown;
}

function placeValue(request: ApiRequest, param: Param, key: string, value: unknown): void {
  const name = param.name ?? key;
  switch (param.in) {
    case "path":
      request.pathParams = { ...request.pathParams, [name]: value as string | number };
      break;
    case "query":
      request.query = { ...request.query, [name]: value as string };
      break;
    case "body":
      request.body = { ...(request.body as object | undefined), [name]: value };
      break;
    case "local":
      break;
  }
}

/** The request an endpoint sends for these (cleaned, validated) values. */
export function buildRequest(spec: EndpointSpec, values: Values): ApiRequest {
  let request: ApiRequest = {
    method: spec.method,
    path: spec.path,
    acceptStatuses: spec.acceptStatuses,
    expect: spec.expect ?? (spec.pagination ? "list" : undefined),
  };
  for (const [key, param] of Object.entries(spec.params ?? {})) {
    const value = values[key];
    if (!isEmpty(value)) placeValue(request, param, key, value);
  }
  if (spec.prepare) request = spec.prepare(request, values);
  return request;
}

/** Runs an endpoint for a step: validate, connect, send (or page, or run), shape. */
async function perform(
  spec: EndpointSpec,
  context: {
    logger?: { info: (...args: unknown[]) => void };
    instanceState?: Record<string, unknown>;
  },
  values: Values,
): Promise<{ data: unknown; instanceState?: Record<string, unknown> }> {
  spec.validate?.(values);
  const request = buildRequest(spec, values);
  request.debug = values.debugRequest === true;
  const client = connect(values.connection as Connection, {
    logger: context.logger,
    state: context.instanceState,
  });
  let data: unknown;
  try {
    data = await send(spec, client, request, values);
  } catch (error) {
    const hint = error instanceof ApiError ? spec.hints?.[error.status] : undefined;
    throw hint ? new ApiError(error as ApiError, hint) : error;
  }
  const instanceState = client.session.stateUpdate();
  return instanceState ? { data, instanceState } : { data };
}

/** The request(s) of one step: the endpoint's own `run`, Fetch All paging, or one request. */
async function send(
  spec: EndpointSpec,
  client: ProPipeLinesClient,
  request: ApiRequest,
  values: Values,
): Promise<unknown> {
  if (spec.run) return spec.run(client, request, values);
  if (spec.pagination && values.fetchAll === true) {
    const asked = request.query?.limit as number | undefined;
    const { items } = await fetchPages(client, request, {
      pageSize: asked ?? spec.pagination.maxPageSize,
      adaptive: spec.pagination.adaptive === true && asked === undefined,
      max: values.maxRecords as number,
    });
    return items;
  }
  const response = await client.request(request);
  return spec.result ? spec.result(response, values) : response.data;
}

/** The spectral inputs of an endpoint: the connection, its params, and paging switches. */
export function endpointInputs(spec: EndpointSpec): InputMap {
  const inputs: InputMap = { connection: connectionInput };
  for (const [key, param] of Object.entries(spec.params ?? {})) inputs[key] = param.input;
  if (spec.pagination) Object.assign(inputs, { fetchAll, maxRecords });
  return inputs;
}

export function endpointAction(spec: EndpointSpec): ActionDefinition {
  return action({
    display: { label: spec.label, description: spec.description },
    inputs: endpointInputs(spec),
    perform: (context, values) => perform(spec, context, values as Values),
    examplePayload: { data: spec.example },
  }) as ActionDefinition;
}

/** Declarations → the `actions` record of the component, keyed by each endpoint's key. */
export function endpointActions(specs: EndpointSpec[]): Record<string, ActionDefinition> {
  const actions: Record<string, ActionDefinition> = {};
  for (const spec of specs) {
    if (actions[spec.key]) throw new Error(`Duplicate action key ${spec.key}`);
    actions[spec.key] = endpointAction(spec);
  }
  return actions;
}

/**
 * What an endpoint declaration holds. An endpoint is declared once, as typed data:
 *
 *   const getLead = endpoint({
 *     key: "getLead", label: "Get Lead", description: "…",
 *     method: "GET", path: "/leads/{leadId}",
 *     params: { leadId: inPath(leadId) },
 *     example: { id: 8113, title: "Loretta Inc." },
 *   });
 *   export default resource("Leads", [getLead, …]);
 *
 * From it come the action's inputs (in the order of `params`, then the paging inputs), the
 * request (path placeholders are input keys; query and body names are the snake_case of the
 * key unless `name` says otherwise), the access check, paging, the docs and the coverage tests.
 * Hooks receive the cleaned values typed from the declared inputs.
 */
import type { Connection } from "@prismatic-io/spectral";
import type { ApiRequest, ApiResponse, HttpMethod, ProPipeLinesClient } from "../client";
import type { Input } from "../inputs";
import type { JsonSchema } from "./schema";

/** The API document's sections, in its order (the docs group actions by them). */
export const RESOURCES = [
  "Leads",
  "Prospecting lists",
  "Client folders",
  "Steps",
  "Pipelines",
  "Users",
  "Teams",
  "Auth",
  "Categories",
  "Predefined tags",
  "Fields",
  "Activities",
  "Webhooks",
  "General",
] as const;
export type Resource = (typeof RESOURCES)[number];

/**
 * Who may call the endpoint, as the API document marks it:
 * - `any`: every connection;
 * - `apiKey`: only the API key itself (refused before sending for a user login or Act as User);
 * - `admin`: the API key, or a user token of an admin user.
 */
export type Access = "any" | "apiKey" | "admin";

/** A function parameter checked bivariantly, so specific specs fit the registry's list. */
type Fn<A, R> = { bivarianceHack(value: A): R }["bivarianceHack"];

/**
 * How one value is sent when the API wants another form than the cleaned value:
 * - `commaList`: an array as one comma-separated string (query arrays are always sent so);
 * - `trueOnly`: a toggle sent only when on (the API's default is off);
 * - a function: the value to send, or `undefined` to send nothing.
 */
type Conversion<V> = "commaList" | "trueOnly" | Fn<V, unknown>;

type Placement = "path" | "query" | "body" | "local";

// biome-ignore lint/suspicious/noExplicitAny: any input fits a parameter of the registry's list
export type AnyInput = Input<any>;
type CleanedOf<I extends AnyInput> = ReturnType<I["clean"]>;

export interface Param<I extends AnyInput = AnyInput> {
  input: I;
  in: Placement;
  /** The API's name of a query or body parameter, when not the snake_case of the input key. */
  name?: string;
  send?: Conversion<NonNullable<CleanedOf<I>>>;
  /** `apiKey`: the API refuses this parameter with a user's token (refused before sending). */
  access?: "apiKey";
}

export type Params = Record<string, Param>;

/** The cleaned input values an endpoint's hooks receive, typed from its params. */
export type Values<P extends Params = Params> = { [K in keyof P]: CleanedOf<P[K]["input"]> } & {
  connection: Connection;
};

type ParamOptions<I extends AnyInput> = Pick<Param<I>, "name" | "send" | "access">;

/** In the URL path: the path template names the input key, `/leads/{leadId}`. */
export const inPath = <I extends AnyInput>(input: I): Param<I> => ({ input, in: "path" });
/** In the query string (arrays are sent comma-separated). */
export const inQuery = <I extends AnyInput>(input: I, opts: ParamOptions<I> = {}): Param<I> => ({
  input,
  in: "query",
  ...opts,
});
/** A field of the JSON body. */
export const inBody = <I extends AnyInput>(input: I, opts: ParamOptions<I> = {}): Param<I> => ({
  input,
  in: "body",
  ...opts,
});
/** Not sent as such: read by `validate`, `prepare` or `run`. */
export const local = <I extends AnyInput>(input: I): Param<I> => ({ input, in: "local" });

/**
 * Offset/limit paging: adds Page Size, Offset, Fetch All, Maximum Records and When More Than
 * Maximum after the endpoint's own inputs.
 */
export interface Pagination {
  /**
   * The largest page the API document allows (lists documented as 1–100). Without it the list
   * has no documented cap, and Fetch All asks for large pages (see pagination.ts).
   */
  documentedMax?: number;
}

/** What a successful answer must be (the client refuses anything else as unreadable). */
export type Answer = "list" | "json" | "empty";

/** Which parts of the data are leads: the data itself, or named properties of it. */
export type LeadShape = "lead" | "leads";
export type Returns = LeadShape | Readonly<Record<string, LeadShape>>;

/** What `run` may use besides the client: Prismatic's state shared by the instance's flows. */
export interface RunContext {
  /** The instance's crossFlowState as the step received it. */
  readonly crossFlowState: Readonly<Record<string, unknown>>;
  /** Keys to persist in crossFlowState; the step hands back the whole record with them. */
  shareState(entries: Record<string, unknown>): void;
}

export interface EndpointSpec<P extends Params = Params> {
  /** The action key: a public contract, flows reference it. */
  key: string;
  label: string;
  description: string;
  method: HttpMethod;
  /** Path relative to /api/v2; `{inputKey}` segments are filled from path params. */
  path: string;
  params?: P;
  /** Default `any`. */
  access?: Access;
  pagination?: Pagination;
  /** Default: `list` when the example is an array and no hook reshapes the answer, else `json`. */
  answer?: Answer;
  /**
   * The data is a lead or a list of leads (or, as `{ lead: "lead", leads: "leads" }`, those
   * properties of it are): each lead gains `contactFields` and `contact`.
   */
  returns?: Returns;
  /** Rules across inputs (throw `InputError`); runs before any request. */
  validate?(values: Values<P>): void;
  /** Composes request parts from several inputs (one-value conversions go on the param). */
  prepare?(request: ApiRequest, values: Values<P>): ApiRequest;
  /** For actions that make several requests (batches, fan-out); replaces the single send. */
  run?(
    client: ProPipeLinesClient,
    request: ApiRequest,
    values: Values<P>,
    context: RunContext,
  ): Promise<unknown>;
  /** Shapes the returned data (default: the response body). */
  result?(response: ApiResponse, values: Values<P>): unknown;
  /** What to do about these API error statuses, in place of the generic hint (errors.ts). */
  hints?: Partial<Record<number, string>>;
  /** Statuses that are answers rather than errors (e.g. 304 "nothing done"). */
  acceptStatuses?: number[];
  /**
   * The `data` of a typical result, shown to flow builders; the action's output schema is
   * derived from it (schema.ts).
   */
  example: unknown;
  /** The JSON Schema of `data`, only where the example cannot tell it (Raw Request: any answer). */
  outputSchema?: JsonSchema;
  /**
   * What a GET changes, when it changes something (emails a user, opens or ends a session): the
   * designer then never runs it inline. GETs without it are `performSafety: "safe"`; writes
   * (POST, PUT, DELETE) are never safe.
   */
  sideEffect?: string;
  /**
   * Input values of a typical call, besides the examples of the required inputs (the docs'
   * coverage test and the quota bench run it against the emulator).
   */
  sample?: Record<string, string | string[]>;
}

/** An endpoint in the registry: its declaration and the API section it belongs to. */
export type RegisteredEndpoint = EndpointSpec & { resource: Resource };

/** Declares an endpoint; the identity, so that its hooks' values are typed from its params. */
export const endpoint = <P extends Params>(spec: EndpointSpec<P>): EndpointSpec<P> => spec;

/** The endpoints of one API section. */
export const resource = (name: Resource, specs: EndpointSpec[]): RegisteredEndpoint[] =>
  specs.map((spec) => ({ ...spec, resource: name }));

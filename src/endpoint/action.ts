/**
 * Endpoint declarations → spectral actions that check access and inputs (clean functions, then
 * `validate`) before any request, send through the one client (one request, Fetch All paging,
 * or the declaration's own `run`), and return `{ data }`.
 */
import { type ActionDefinition, action, type PerformSafety } from "@prismatic-io/spectral";
import { connect, type ProPipeLinesClient } from "../client";
import { ApiError, PartialWriteError } from "../errors";
import { connectionInput, type InputMap } from "../inputs";
import { withContact } from "../leads/contact";
import { checkAccess, checkAdmin } from "./access";
import { resolveRelativeDates } from "./dates";
import { inBuildersWords } from "./hints";
import { fetchAllPages } from "./paging";
import { buildRequest, paramsOf, placeholders } from "./request";
import { outputSchemaOf, type SchemaHints, schemaHints } from "./schema";
import type { EndpointSpec, RegisteredEndpoint, RunContext, Values } from "./spec";

/** Leads in the answer gain `contactFields` and `contact`, at no extra request. */
function withContacts(returns: EndpointSpec["returns"], data: unknown): unknown {
  const lead = (item: unknown) => (item && typeof item === "object" ? withContact(item) : item);
  if (returns === "lead") return lead(data);
  if (returns === "leads") return Array.isArray(data) ? data.map(lead) : data;
  if (!returns || !data || typeof data !== "object") return data;
  const shaped: Record<string, unknown> = { ...data };
  for (const [key, shape] of Object.entries(returns))
    shaped[key] = withContacts(shape, shaped[key]);
  return shaped;
}

/** The request(s) of one step: the endpoint's own `run`, Fetch All paging, or one request. */
async function send(
  spec: EndpointSpec,
  client: ProPipeLinesClient,
  values: Values,
  context: RunContext,
) {
  const request = buildRequest(spec, values);
  request.debug = values.debugRequest === true;
  if (spec.run) return spec.run(client, request, values, context);
  if (spec.pagination && values.fetchAll === true) {
    return fetchAllPages(client, request, spec.pagination, {
      limit: values.limit,
      maxRecords: values.maxRecords,
      whenMoreThanMaximum: values.whenMoreThanMaximum,
    });
  }
  const response = await client.request(request);
  return spec.result ? spec.result(response, values) : response.data;
}

async function perform(
  spec: EndpointSpec,
  context: {
    logger?: { info: (...args: unknown[]) => void };
    instanceState?: Record<string, unknown>;
    crossFlowState?: Record<string, unknown>;
  },
  values: Values,
): Promise<{
  data: unknown;
  instanceState?: Record<string, unknown>;
  crossFlowState?: Record<string, unknown>;
}> {
  checkAccess(spec, values);
  values = resolveRelativeDates(paramsOf(spec), values);
  spec.validate?.(values);
  const client = connect(values.connection, {
    logger: context.logger,
    state: context.instanceState,
  });
  const crossFlowState = context.crossFlowState ?? {};
  let shared: Record<string, unknown> | undefined;
  const runContext: RunContext = {
    crossFlowState,
    shareState: (entries) => {
      shared = { ...(shared ?? crossFlowState), ...entries };
    },
  };
  let data: unknown;
  try {
    await checkAdmin(spec, client);
    data = withContacts(spec.returns, await send(spec, client, values, runContext));
  } catch (error) {
    // A PartialWriteError already says what was written and what to do: kept as it is.
    if (!(error instanceof ApiError) || error instanceof PartialWriteError) throw error;
    const hint = spec.hints?.[error.status];
    throw hint ? new ApiError(error, hint) : inBuildersWords(spec, values, error);
  }
  const instanceState = client.session.stateUpdate();
  return {
    data,
    ...(instanceState ? { instanceState } : {}),
    ...(shared ? { crossFlowState: shared } : {}),
  };
}

/** The spectral inputs of an endpoint: the connection, its params, then the paging inputs. */
function endpointInputs(spec: EndpointSpec): InputMap {
  const inputs: InputMap = { connection: connectionInput };
  for (const [key, param] of Object.entries(paramsOf(spec))) inputs[key] = param.input;
  return inputs;
}

/** A declaration whose path placeholders are not exactly its path params is a bug: fail at load. */
function checkDeclaration(spec: EndpointSpec): void {
  const inPath = Object.entries(paramsOf(spec))
    .filter(([, param]) => param.in === "path")
    .map(([key]) => key)
    .sort();
  const named = placeholders(spec.path).sort();
  if (inPath.join() !== named.join()) {
    throw new Error(`${spec.key}: path ${spec.path} names {${named}}, path params are {${inPath}}`);
  }
}

/** Whether the designer may run the action inline: only a GET that changes nothing. */
export const performSafetyOf = (spec: EndpointSpec): PerformSafety =>
  spec.method === "GET" && !spec.sideEffect ? "safe" : "notAllowed";

function endpointAction(spec: RegisteredEndpoint, hints: SchemaHints): ActionDefinition {
  checkDeclaration(spec);
  return action({
    display: { label: spec.label, description: spec.description },
    inputs: endpointInputs(spec),
    perform: (context, values) => perform(spec, context, values as Values),
    // Shaped like the data the action returns (leads gain their contact fields).
    examplePayload: { data: withContacts(spec.returns, spec.example) },
    outputSchema: { type: "actionOutput", schema: outputSchemaOf(spec, hints) },
    performSafety: performSafetyOf(spec),
  }) as ActionDefinition;
}

/** Declarations → the `actions` record of the component, keyed by each endpoint's key. */
export function endpointActions(specs: RegisteredEndpoint[]): Record<string, ActionDefinition> {
  // What every example says of each key (a key null in one is nullable in all).
  const hints = schemaHints(specs.map((spec) => spec.example));
  const actions: Record<string, ActionDefinition> = {};
  for (const spec of specs) {
    if (actions[spec.key]) throw new Error(`Duplicate action key ${spec.key}`);
    actions[spec.key] = endpointAction(spec, hints);
  }
  return actions;
}

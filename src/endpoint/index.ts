/** The declarative endpoint registry: declarations (spec.ts) and the action factory (action.ts). */
export { endpointActions } from "./action";
export {
  type EndpointSpec,
  endpoint,
  inBody,
  inPath,
  inQuery,
  local,
  RESOURCES,
  type RegisteredEndpoint,
  type Resource,
  type RunContext,
  resource,
  type Values,
} from "./spec";

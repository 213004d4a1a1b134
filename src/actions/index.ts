/**
 * The registry: every endpoint of the component, one module per API resource, and the actions
 * made from them. Tools (docs, coverage tests, the quota bench) read `registry` from the bundle.
 */
import { endpointActions, type RegisteredEndpoint } from "../endpoint";
import activities from "./activities";
import auth from "./auth";
import clientFolders from "./clientFolders";
import fields from "./fields";
import general from "./general";
import leads from "./leads";
import pipelines from "./pipelines";
import prospectingLists from "./prospectingLists";
import tags from "./tags";
import teams from "./teams";
import users from "./users";
import webhooks from "./webhooks";

export const registry: RegisteredEndpoint[] = [
  ...general,
  ...activities,
  ...auth,
  ...clientFolders,
  ...fields,
  ...leads,
  ...pipelines,
  ...prospectingLists,
  ...tags,
  ...teams,
  ...users,
  ...webhooks,
];

export const actions = endpointActions(registry);

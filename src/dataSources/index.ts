/** Every data source (picklist) of the component, one module per resource group. */
import clients from "./clients";
import customization from "./customization";
import leads from "./leads";
import { picklists } from "./picklist";
import pipelines from "./pipelines";
import prospecting from "./prospecting";
import tags from "./tags";
import users from "./users";
import webhooks from "./webhooks";

export const dataSources = picklists([
  ...leads,
  ...pipelines,
  ...users,
  ...clients,
  ...prospecting,
  ...tags,
  ...customization,
  ...webhooks,
]);

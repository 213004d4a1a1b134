/** Every data source (picklist) of the component, one module per API resource. */
import activities from "./activities";
import clientFolders from "./clientFolders";
import fields from "./fields";
import leads from "./leads";
import { picklists } from "./picklist";
import pipelines from "./pipelines";
import prospectingLists from "./prospectingLists";
import tags from "./tags";
import teams from "./teams";
import users from "./users";
import webhooks from "./webhooks";

export const dataSources = picklists([
  ...leads,
  ...pipelines,
  ...users,
  ...teams,
  ...clientFolders,
  ...prospectingLists,
  ...tags,
  ...fields,
  ...activities,
  ...webhooks,
]);

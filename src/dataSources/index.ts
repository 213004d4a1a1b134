/**
 * Every data source of the component: the picklists, one module per API resource, and the
 * Lead Fields Form (a jsonForm).
 */
import activities from "./activities";
import clientFolders from "./clientFolders";
import fields from "./fields";
import leadFields from "./leadFields";
import leads from "./leads";
import { picklists } from "./picklist";
import pipelines from "./pipelines";
import prospectingLists from "./prospectingLists";
import tags from "./tags";
import teams from "./teams";
import users from "./users";
import webhooks from "./webhooks";

export const dataSources = {
  ...picklists([
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
  ]),
  ...leadFields,
};

/** Every resource of the emulated API; each module registers its routes and seeds its tables. */
import type { Emulator } from "../server";
import * as activities from "./activities";
import * as auth from "./auth";
import * as clientFolders from "./clientFolders";
import * as fields from "./fields";
import * as leads from "./leads";
import * as pipelines from "./pipelines";
import * as prospectingLists from "./prospectingLists";
import * as tags from "./tags";
import * as teams from "./teams";
import * as users from "./users";
import * as webhooks from "./webhooks";

const modules: Array<{ register: (emu: Emulator) => void }> = [
  auth,
  activities,
  clientFolders,
  fields,
  leads,
  pipelines,
  prospectingLists,
  tags,
  users,
  teams,
  webhooks,
];

export function registerResources(emu: Emulator): void {
  for (const module of modules) module.register(emu);
}

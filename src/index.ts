import { component } from "@prismatic-io/spectral";
import { actions } from "./actions";
import { connections } from "./connections";
import { dataSources } from "./dataSources";
import { toFriendlyError } from "./errors";
import { triggers } from "./triggers";

/** Time limits and retries of the transport; see src/http/settings.ts (tests shorten them). */
export { transportSettings } from "./client";

export default component({
  key: "propipelines",
  public: false,
  documentationUrl: "https://propipelines.com/api/v2",
  display: {
    label: "Pro Pipe Lines",
    description:
      "Manage leads, pipeline steps, users, client folders, prospecting lists and teams in Pro Pipe Lines, and start flows from its webhooks.",
    iconPath: "icon.png",
    category: "Application Connectors",
  },
  connections,
  actions,
  dataSources,
  triggers,
  hooks: { error: toFriendlyError },
});

/** The endpoint declarations, for the project's tools (docs, coverage tests, quota bench). */
export { registry } from "./actions";
export { RESOURCES } from "./endpoint";

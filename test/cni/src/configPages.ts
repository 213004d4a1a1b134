/**
 * The config wizard: the customer's Pro Pipe Lines connection, then the account's own lead
 * fields as a form (the Lead Fields Form data source), filled with the values to write.
 */
import { propipelinesApiKey } from "@component-manifests/propipelines/connections/apiKey";
import { propipelinesLeadFieldsForm } from "@component-manifests/propipelines/dataSources/leadFieldsForm";
import { configPage } from "@prismatic-io/spectral";

export const CONNECTION = "Pro Pipe Lines Connection";
export const LEAD_FIELDS = "Lead Fields";

export const configPages = {
  Connection: configPage({
    elements: {
      [CONNECTION]: propipelinesApiKey("propipelines-connection", {
        account: { value: "acme" },
        apiKey: { writeOnly: true },
      }),
    },
  }),
  "Lead Fields": configPage({
    elements: {
      [LEAD_FIELDS]: propipelinesLeadFieldsForm("propipelines-lead-fields", {
        connection: { configVar: CONNECTION },
      }),
    },
  }),
};

// Types `context.configVars` by the names above.
export type ConfigPages = typeof configPages;

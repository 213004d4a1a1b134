/** Every trigger of the component. */
import type { PollingTriggerDefinition, TriggerDefinition } from "@prismatic-io/spectral";
import { proPipeLinesEvents } from "./events";
import { newOrUpdatedLeads } from "./newOrUpdatedLeads";

// biome-ignore lint/suspicious/noExplicitAny: spectral's definitions are generic over their inputs
type AnyTrigger = TriggerDefinition<any, any, any, any, any>;
// biome-ignore lint/suspicious/noExplicitAny: spectral's definitions are generic over their inputs
type AnyPollingTrigger = PollingTriggerDefinition<any, any, any, any, any, any>;

export const triggers: Record<string, AnyTrigger | AnyPollingTrigger> = {
  proPipeLinesEvents,
  newOrUpdatedLeads,
};

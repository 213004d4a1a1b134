/** Every trigger of the component. */
import type { TriggerDefinition } from "@prismatic-io/spectral";

// biome-ignore lint/suspicious/noExplicitAny: spectral's definitions are generic over their inputs
export const triggers: Record<string, TriggerDefinition<any, any, any, any, any>> = {};

/** Every data source (picklist) of the component, one module per resource group. */
import type { DataSourceDefinition } from "@prismatic-io/spectral";

// biome-ignore lint/suspicious/noExplicitAny: spectral's definitions are generic over their inputs
export const dataSources: Record<string, DataSourceDefinition<any, any, any>> = {};

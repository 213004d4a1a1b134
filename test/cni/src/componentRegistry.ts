/**
 * The components this integration uses: Pro Pipe Lines, through the manifest `npm run manifest`
 * generates from the built component (component-manifest/, imported as a package would be).
 */
import propipelines from "@component-manifests/propipelines";
import { componentManifests } from "@prismatic-io/spectral";

/**
 * spectral 10.31's generator writes each action's `outputSchema.schema` as a JSON string (the
 * form it sends to Prismatic), where `ComponentManifest` types it as a schema object: TS2322.
 * The designer reads output schemas from the published component, not from the manifest, so
 * the manifest is registered without them.
 */
type Actions = (typeof propipelines)["actions"];
type WithoutOutputSchemas = Omit<typeof propipelines, "actions"> & {
  actions: { [Key in keyof Actions]: Omit<Actions[Key], "outputSchema"> };
};

export const componentRegistry = componentManifests({
  propipelines: propipelines as WithoutOutputSchemas,
});

export type ComponentRegistry = typeof componentRegistry;

/**
 * A tiny code-native integration that uses the Pro Pipe Lines component through its manifest.
 * Type-checked in CI (`npm run typecheck:cni`); not published.
 */
import { integration } from "@prismatic-io/spectral";
import { type ComponentRegistry, componentRegistry } from "./componentRegistry";
import { type ConfigPages, configPages } from "./configPages";
import flows from "./flows";

export default integration({
  name: "Pro Pipe Lines CNI example",
  description: "Sign-ups from your app become leads in Pro Pipe Lines.",
  iconPath: "icon.png",
  flows,
  configPages,
  componentRegistry,
});

// What types `context.components.propipelines.*` and `context.configVars` in the flows.
declare module "@prismatic-io/spectral" {
  interface IntegrationDefinitionComponentRegistry extends ComponentRegistry {}
  interface IntegrationDefinitionConfigPages extends ConfigPages {}
}

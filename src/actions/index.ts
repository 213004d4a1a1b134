/** Every action of the component, one module per API resource. */
import general from "./general";

export const actions = {
  ...general,
};

/** Client folders (active ones unless asked). */
import { clientFolderList } from "../examples/clientFolders";
import { booleanInput } from "../inputs";
import { picklist } from "./picklist";

interface ClientFolder {
  id: number;
  name: string;
  is_active: boolean;
}

const selectClientFolder = picklist({
  key: "selectClientFolder",
  label: "Select Client Folder",
  description: "Pick a client folder, by name. Inactive folders are left out unless asked for.",
  path: "/clients",
  inputs: {
    includeInactive: booleanInput({
      label: "Include Inactive Folders",
      default: "false",
      comments: "Also list client folders that are no longer active (labelled “(inactive)”).",
    }),
  },
  keep: (folder, values) => values.includeInactive === true || folder.is_active !== false,
  itemLabel: (folder: ClientFolder) =>
    folder.is_active === false ? `${folder.name} (inactive)` : folder.name,
  example: clientFolderList,
});

export default [selectClientFolder];

/** The account's lead and client folder fields. */
import { fieldList } from "../examples/fields";
import { choiceInput } from "../inputs";
import { picklist } from "./picklist";

interface Field {
  id: number;
  name: string;
  parent_type: string;
}

const PARENT_LABELS: Record<string, string> = { lead: "Lead", client: "Client folder" };

const selectField = picklist({
  key: "selectField",
  label: "Select Field",
  description: "Pick a lead or client folder field, labelled “Lead › Email”.",
  path: "/fields",
  inputs: {
    type: choiceInput({
      label: "Fields Of",
      choices: ["lead", "client"] as const,
      labels: { lead: "Leads", client: "Client folders" },
      comments: "Only the fields of leads, or of client folders (empty: both).",
    }),
  },
  query: (values) => ({ type: values.type }),
  itemLabel: (field: Field) =>
    `${PARENT_LABELS[field.parent_type] ?? field.parent_type} › ${field.name}`,
  example: fieldList,
});

export default [selectField];

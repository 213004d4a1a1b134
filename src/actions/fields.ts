/** The custom fields defined for leads and client folders. */
import { endpoint, inBody, inQuery, resource } from "../endpoint";
import { createdField, fieldList } from "../examples/fields";
import { booleanInput, choiceInput, textInput } from "../inputs";

const PARENT_TYPES = ["lead", "client"] as const;
const parentLabels = { lead: "Leads", client: "Client folders" };

/** The document's field types; custom1–5 are refused on the starter edition. */
const FIELD_TYPES = [
  "unset",
  "email",
  "phone",
  "mobile",
  "address",
  "web",
  "first_name",
  "last_name",
  "full_name",
  "job",
  "fax",
  "vat",
  "city",
  "zipcode",
  "state",
  "country",
  "company_id",
  "custom1",
  "custom2",
  "custom3",
  "custom4",
  "custom5",
] as const;

const fieldTypeLabels: Partial<Record<(typeof FIELD_TYPES)[number], string>> = {
  unset: "None (plain text)",
  first_name: "First name",
  last_name: "Last name",
  full_name: "Full name",
  vat: "VAT number",
  company_id: "Company ID",
};
for (const n of [1, 2, 3, 4, 5] as const) {
  fieldTypeLabels[`custom${n}`] = `Custom ${n} (not in the starter edition)`;
}

const listFields = endpoint({
  key: "listFields",
  label: "List Fields",
  description: "List the fields defined for leads and client folders (name, type, position).",
  method: "GET",
  path: "/fields",
  params: {
    parentType: inQuery(
      choiceInput({
        label: "Fields Of",
        choices: PARENT_TYPES,
        labels: parentLabels,
        comments:
          "Only the fields of leads, or only those of client folders. Leave empty for both.",
      }),
      { name: "type" },
    ),
  },
  example: fieldList,
});

const createField = endpoint({
  key: "createField",
  label: "Create Field",
  description:
    "Add a field to the leads or client folders of the account. Needs an API Key connection.",
  access: "apiKey",
  method: "POST",
  path: "/fields",
  params: {
    name: inBody(
      textInput({
        label: "Name",
        required: true,
        maxLength: 32,
        example: "Country",
        comments: "The field's name as users see it (at most 32 characters).",
      }),
    ),
    parentType: inBody(
      choiceInput({
        label: "Field Of",
        required: true,
        choices: PARENT_TYPES,
        labels: parentLabels,
        comments: "Whether the field is added to leads or to client folders.",
      }),
    ),
    type: inBody(
      choiceInput({
        label: "Type",
        choices: FIELD_TYPES,
        labels: fieldTypeLabels,
        comments:
          "What the field holds, so Pro Pipe Lines can use it (emails, phones, addresses…). The API's default is None. Custom 1–5 are not available in the starter edition (the API answers 403).",
      }),
    ),
    isKey: inBody(
      booleanInput({
        label: "Detect Duplicates",
        comments:
          "Turn on to use this field to detect potential duplicate leads (the API's default: off).",
      }),
    ),
  },
  example: createdField,
});

export default resource("Fields", [listFields, createField]);

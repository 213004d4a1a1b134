/**
 * Lead Fields Form: the account's lead fields as a form (a jsonForm data source), so a builder
 * maps values from previous steps onto the account's own fields instead of typing
 * "Field: value" rows. One request (`GET /fields?type=lead`); one form field per lead field, in
 * the account's order (`position`), typed by the field's type. The form's value is an object
 * keyed by field name, `{ "Firstname": "John", "Email": "john@acme.com" }`, which Contact
 * Fields (Create Lead, …) accepts as it is.
 */
import {
  type Connection,
  type DataSourceDefinition,
  dataSource,
  type JSONForm,
} from "@prismatic-io/spectral";
import { connect } from "../client";
import { fieldList } from "../examples/fields";
import { connectionInput } from "../inputs";
import { contactKeyProblem } from "../leads/description";

interface Field {
  id: number;
  name: string;
  type: string;
  parent_type: string;
  position: number;
}

/** How a field of each type is asked for; other types (unset, custom1–5, …) are plain text. */
const FIELD_TYPES: Record<string, { description: string; format?: string; multiline?: true }> = {
  email: { description: "An email address.", format: "email" },
  phone: { description: "A phone number." },
  mobile: { description: "A mobile phone number." },
  fax: { description: "A fax number." },
  web: { description: "A web address (https://…)." },
  address: { description: "A postal address.", multiline: true },
  first_name: { description: "The contact's first name." },
  last_name: { description: "The contact's last name." },
  full_name: { description: "The contact's full name." },
  job: { description: "The contact's job title." },
  vat: { description: "A VAT number." },
  city: { description: "A city." },
  zipcode: { description: "A postal code." },
  state: { description: "A state or region." },
  country: { description: "A country." },
  company_id: { description: "A company registration number." },
};

/** A JSON Pointer segment (a field name may hold `/` or `~`). */
const pointer = (name: string) => name.replace(/~/g, "~0").replace(/\//g, "~1");

/** The account's lead fields → the form: in position order, typed, writable names only. */
export function leadFieldsForm(fields: Field[]): JSONForm {
  const lead = fields
    .filter((field) => field.parent_type === "lead")
    .sort((a, b) => a.position - b.position || a.id - b.id);
  const seen = new Set<string>();
  const kept: Field[] = [];
  const unwritable: string[] = [];
  for (const field of lead) {
    if (seen.has(field.name)) continue;
    seen.add(field.name);
    if (contactKeyProblem(field.name)) unwritable.push(field.name);
    else kept.push(field);
  }
  const properties = Object.fromEntries(
    kept.map((field) => {
      const kind = FIELD_TYPES[field.type];
      const description = kind?.description ?? "Text.";
      return [
        field.name,
        {
          type: "string",
          title: field.name,
          description,
          ...(kind?.format && { format: kind.format }),
        },
      ];
    }),
  );
  const elements = kept.map((field) => ({
    type: "Control",
    scope: `#/properties/${pointer(field.name)}`,
    label: field.name,
    ...(FIELD_TYPES[field.type]?.multiline && { options: { multi: true } }),
  }));
  const left =
    unwritable.length > 0
      ? ` Not in the form (a contact line cannot hold their names): ${unwritable.join(", ")}.`
      : "";
  return {
    schema: {
      type: "object",
      description: `The account's lead fields, in its order; empty fields are not written.${left}`,
      properties,
    },
    uiSchema: { type: "VerticalLayout", elements } as JSONForm["uiSchema"],
    data: {},
  };
}

// biome-ignore lint/suspicious/noExplicitAny: spectral's definitions are generic over their inputs
type AnyDataSource = DataSourceDefinition<any, any, any>;

const leadFieldsFormSource = dataSource({
  display: {
    label: "Lead Fields Form",
    description:
      "A form of the account's lead fields (Firstname, Email, …), to map onto Contact Fields.",
  },
  dataSourceType: "jsonForm",
  inputs: { connection: connectionInput },
  perform: async (context, values) => {
    // Data sources get no instance state: the token cache is this process's memory.
    const client = connect(values.connection as Connection, { logger: context.logger });
    const response = await client.request<Field[]>({
      method: "GET",
      path: "/fields",
      query: { type: "lead" },
      expect: "list",
    });
    return { result: leadFieldsForm(response.data) };
  },
  examplePayload: { result: leadFieldsForm(fieldList) },
}) as AnyDataSource;

export default { leadFieldsForm: leadFieldsFormSource };

/** Find Leads: the leads whose contact field (or title) equals a value, unassigned ones included. */
import { endpoint, local, resource, type Values } from "../../../endpoint";
import { InputError } from "../../../errors";
import { foundLeads } from "../../../examples/leads/jobs";
import { booleanInput, emailInput, phoneInput, textInput } from "../../../inputs";
import type { LeadCriteria } from "../../../leads/match";
import { isEmpty } from "../../../validate";
import { fieldIsKey, maxLeadsRead, searchLeads } from "./search";

export const includeUnassigned = booleanInput({
  label: "Include Unassigned",
  default: "true",
  comments:
    "Also search the leads that belong to nobody (on by default: leads created with the API key are unassigned). With a User Login connection, the user must be allowed to see them.",
});

const findParams = {
  email: local(
    emailInput({
      label: "Email",
      example: "natalia.bawer@loretta-inc.com",
      comments:
        "Leads whose contact email (the Email line of the description) is this address, ignoring case; unassigned leads included. A lead that only mentions it in a comment or the notes does not match. Returns found, count, lead (the most recently updated match, or null) and leads (every match). Cost: 1 request.",
    }),
  ),
  phone: local(
    phoneInput({
      label: "Phone",
      example: "801 274 6798",
      comments:
        "Leads whose Phone contact line is this number, as written (spaces count; case and surrounding spaces do not). The API cannot filter on it: every lead is read, one request per 1000.",
    }),
  ),
  fieldName: local(
    textInput({
      label: "Field Name",
      example: "Customer ID",
      comments:
        "Leads whose contact line of this name (e.g. Customer ID, Mobile, Company number) equals Field Value. Use with Field Value. Every lead is read (one request per 1000) unless Field Is a Duplicate Key is on.",
    }),
  ),
  fieldValue: local(
    textInput({
      label: "Field Value",
      example: "C-1042",
      comments:
        "The value the Field Name line must have, ignoring case and surrounding spaces. Use with Field Name.",
    }),
  ),
  title: local(
    textInput({
      label: "Title",
      example: "Loretta Inc.",
      comments:
        "Leads with exactly this title, ignoring case and surrounding spaces. Every lead is read (one request per 1000), unless Email narrows the search.",
    }),
  ),
  fieldIsKey: local(fieldIsKey),
  includeUnassigned: local(includeUnassigned),
  maxRead: local(maxLeadsRead),
};

type FindValues = Values<typeof findParams>;

/** The criteria of the filled inputs (all must hold). */
function criteriaOf(values: FindValues): LeadCriteria {
  return {
    email: values.email,
    phone: values.phone,
    field:
      values.fieldName !== undefined && values.fieldValue !== undefined
        ? { name: values.fieldName, value: values.fieldValue }
        : undefined,
    title: values.title,
  };
}

function validateFind(values: FindValues): void {
  if (isEmpty(values.fieldName) !== isEmpty(values.fieldValue)) {
    const missing = isEmpty(values.fieldName) ? "Field Name" : "Field Value";
    throw new InputError(missing, "is needed too: Field Name and Field Value only work together.");
  }
  const { email, phone, field, title } = criteriaOf(values);
  if ([email, phone, field, title].every((criterion) => criterion === undefined)) {
    throw new InputError(
      "Email",
      "nothing to search for: fill Email, Phone, Field Name with Field Value, or Title.",
    );
  }
  if (values.fieldIsKey && !field) {
    throw new InputError(
      "Field Is a Duplicate Key",
      "applies to Field Name: fill Field Name and Field Value, or turn it off.",
    );
  }
}

const findLeads = endpoint({
  key: "findLeads",
  label: "Find Leads",
  description:
    "Find leads whose contact Email, Phone, field or title is a value. Cost: 1 request by email.",
  method: "GET",
  path: "/leads",
  returns: { lead: "lead", leads: "leads" },
  params: findParams,
  validate: validateFind,
  sample: { email: "natalia.bawer@loretta-inc.com" },
  run: async (client, request, values) => {
    const leads = await searchLeads(client, criteriaOf(values), {
      includeUnassigned: values.includeUnassigned === true,
      fieldIsKey: values.fieldIsKey === true,
      maxRead: values.maxRead,
      debug: request.debug,
    });
    return { found: leads.length > 0, count: leads.length, lead: leads[0] ?? null, leads };
  },
  example: foundLeads,
});

export default resource("Leads", [findLeads]);

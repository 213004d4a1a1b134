/**
 * Create or Update Lead: the lead whose contact Email (or a named contact field) has the given
 * value is updated, or created when there is none. Running it again with the same inputs (a
 * retry, a replay, the same form sent twice) finds the lead it created and changes nothing.
 */
import { endpoint, inBody, local, resource, type Values } from "../../../endpoint";
import { InputError } from "../../../errors";
import { upsertedLead } from "../../../examples/leads/jobs";
import { choiceInput, contactFieldsInput, textInput } from "../../../inputs";
import { leadUpdate } from "../../../leads/changes";
import { contactKeyForFieldName, leadContactFields } from "../../../leads/contact";
import { normalizeFieldName } from "../../../leads/description";
import type { LeadCriteria } from "../../../leads/match";
import { toEmail } from "../../../validate";
import { createLeadInSteps, type LeadRecord } from "../create";
import { STATUS_LABELS } from "../shared";
import { checkNewLead, newLeadParams, withComposedDescription } from "../write";
import { writeLead } from "./lead";
import { fieldIsKey, maxLeadsRead, searchLeads } from "./search";

const upsertParams = {
  matchBy: local(
    choiceInput({
      label: "Match By",
      required: true,
      choices: ["email", "field"] as const,
      default: "email",
      labels: {
        email: "Email (the Email row of Contact Fields)",
        field: "Another contact field (Match Field)",
      },
      comments:
        "How the existing lead is recognised, unassigned leads included: by the contact's email (the default), or by the contact field Match Field names (a customer number…); its value is taken from Contact Fields. An existing lead gets Contact Fields merged into its description and Tags added; its title, owner, step, status, amount and folder stay as they are. Run twice, it leaves one lead. Cost: 2 requests (the search, then the creation or the update), 1 when nothing changes, +1 for a new lead's step, status or amount, +1 for its folder. Matching by a field that is not a duplicate key reads every lead (1 request per 1000).",
    }),
  ),
  matchField: local(
    textInput({
      label: "Match Field",
      example: "Customer ID",
      comments:
        "With Match By set to another contact field: the name of the Contact Fields row that identifies the lead (e.g. Customer ID). Its value must equal that line of the lead, ignoring case and surrounding spaces.",
    }),
  ),
  ...newLeadParams,
  description: inBody(
    textInput({
      label: "Description",
      multiline: true,
      example: "Sent the contact form: wants a quote.",
      comments:
        "Notes for a new lead, written below its contact lines. An existing lead keeps its own notes: to log what is new, add a Create Lead Comment step.",
    }),
  ),
  status: inBody(
    choiceInput({
      label: "Status",
      choices: ["todo", "won", "lost", "cancelled"] as const,
      labels: STATUS_LABELS,
      comments:
        "The status of a new lead (standby needs a reminder: add Set Lead Reminder after this step). An existing lead keeps its status.",
    }),
  ),
  contactFields: local(
    contactFieldsInput({
      label: "Contact Fields",
      required: true,
      example: "Email: john.doe@company.com",
      comments:
        "The contact's 'Field: value' lines (Firstname, Lastname, Email, Phone, …), one row per field; it must hold the row Match By uses. A new lead gets them at the top of its description; an existing lead gets them merged into its description: the named lines are added or replaced, every other line, block and note is kept.",
    }),
  ),
  whenSeveral: local(
    choiceInput({
      label: "When Several Match",
      required: true,
      choices: ["updateMostRecent", "fail"] as const,
      default: "updateMostRecent",
      labels: {
        updateMostRecent: "Update the most recently updated lead",
        fail: "Fail the step (list their IDs)",
      },
      comments:
        "What to do when several leads match (duplicates already in the account): update the most recently updated one, or fail naming them.",
    }),
  ),
  fieldIsKey: local(fieldIsKey),
  maxRead: local(maxLeadsRead),
};

type UpsertValues = Values<typeof upsertParams>;

interface UpsertResult {
  action: "created" | "updated";
  /** False when the lead already had every contact field and tag: nothing was sent. */
  changed: boolean;
  lead: unknown;
}

const isEmailName = (name: string) => contactKeyForFieldName(name) === "email";

/** The last row `is` accepts (a field given twice takes its last value). */
const lastRow = (rows: Array<[string, string]>, is: (name: string) => boolean) =>
  [...rows].reverse().find(([name]) => is(name));

/** The Contact Fields row Match By names, or an error naming the fix. */
function matchCriteria(values: UpsertValues): LeadCriteria {
  const rows = values.contactFields;
  if (values.matchBy === "email") {
    const row = lastRow(rows, isEmailName);
    if (!row) {
      throw new InputError(
        "Contact Fields",
        "has no Email row, and Match By is Email: add the contact's email (Email: john@example.com), or match by another field.",
      );
    }
    return { email: toEmail("Contact Fields", row[1]) };
  }
  if (values.matchField === undefined) {
    throw new InputError(
      "Match Field",
      "is needed when Match By is another contact field: enter the name of the Contact Fields row that identifies the lead.",
    );
  }
  const wanted = normalizeFieldName(values.matchField);
  const row = lastRow(rows, (name) => normalizeFieldName(name) === wanted);
  if (!row) {
    throw new InputError(
      "Match Field",
      `Contact Fields has no "${values.matchField}" row: add it, or name one of its rows.`,
    );
  }
  return { field: { name: row[0], value: row[1] } };
}

/**
 * The rows to merge into a matched lead. The email row is written under the lead's own name
 * for it ("E-mail" from a form goes to the lead's "Email" line), so matching by email never
 * adds a second email line.
 */
function rowsFor(lead: unknown, values: UpsertValues): Array<[string, string]> {
  const own = Object.keys(leadContactFields(lead)).find(isEmailName);
  if (values.matchBy !== "email" || own === undefined) return values.contactFields;
  return values.contactFields.map(([name, value]) => [isEmailName(name) ? own : name, value]);
}

function validateUpsert(values: UpsertValues): void {
  const criteria = matchCriteria(values);
  if (values.fieldIsKey && !criteria.field) {
    throw new InputError(
      "Field Is a Duplicate Key",
      "applies when matching by another contact field: set Match By to it, or turn this off.",
    );
  }
  checkNewLead(values);
}

const upsertLead = endpoint({
  key: "upsertLead",
  label: "Create or Update Lead",
  description:
    "Update the lead with this contact Email (or field), or create it: never a duplicate. Cost: 2.",
  method: "POST",
  path: "/leads",
  returns: { lead: "lead" },
  params: upsertParams,
  validate: validateUpsert,
  prepare: withComposedDescription,
  sample: { contactFields: JSON.stringify({ Firstname: "John", Email: "john.doe@company.com" }) },
  run: async (client, request, values): Promise<UpsertResult> => {
    const found = await searchLeads(client, matchCriteria(values), {
      includeUnassigned: true,
      fieldIsKey: values.fieldIsKey === true,
      maxRead: values.maxRead,
      debug: request.debug,
    });
    const [match] = found;
    if (!match) {
      const lead: LeadRecord = await createLeadInSteps(client, request, upsertLead, values);
      return { action: "created", changed: true, lead };
    }
    if (found.length > 1 && values.whenSeveral === "fail") {
      throw new InputError(
        "When Several Match",
        `${found.length} leads match (IDs ${found.map((lead) => lead.id).join(", ")}), and this step is set to fail then: merge the duplicates in Pro Pipe Lines, or choose to update the most recently updated one. Nothing was changed.`,
      );
    }
    const body = leadUpdate(match, { set: rowsFor(match, values), addTags: values.tags });
    if (!body) return { action: "updated", changed: false, lead: match };
    const lead = await writeLead(client, Number(match.id), body, request.debug);
    return { action: "updated", changed: true, lead };
  },
  example: upsertedLead,
});

export default resource("Leads", [upsertLead]);

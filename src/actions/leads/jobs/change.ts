/**
 * Changing part of a lead without losing the rest: Update Lead Contact Fields, Add Tags to Lead
 * and Remove Tags from Lead read the lead, then write only what differs (src/leads/changes.ts).
 * Cost: 2 requests (GET, PUT); 1 when the lead already is as asked.
 */

import type { ProPipeLinesClient } from "../../../client";
import { endpoint, inPath, local, resource, type Values } from "../../../endpoint";
import { InputError } from "../../../errors";
import { leadWithNewContact, leadWithoutTag, leadWithTags } from "../../../examples/leads/jobs";
import { contactFieldsInput, leadId, listInput } from "../../../inputs";
import { type LeadChange, leadUpdate } from "../../../leads/changes";
import { contactFieldsProblem } from "../../../leads/description";
import { isEmpty } from "../../../validate";
import { readLead, writeLead } from "./lead";

/** GET the lead, PUT what `change` makes differ (nothing when it already is so). */
async function changeLead(
  client: ProPipeLinesClient,
  id: number,
  change: LeadChange,
  debug?: boolean,
) {
  const lead = await readLead(client, id, debug);
  const body = leadUpdate(lead, change);
  return body ? writeLead(client, id, body, debug) : lead;
}

const contactParams = {
  leadId: inPath(leadId),
  contactFields: local(
    contactFieldsInput({
      label: "Contact Fields",
      example: "Phone: 801 274 6798",
      comments:
        "The contact lines to add or replace, one row per field (Phone: 801 274 6798), in a plain-text or HTML description. Lines of these names are replaced in the lead's contact block, new ones added at its end; every other line, block and note stays as it is. Line breaks in a value become spaces. Cost: 2 requests (read the lead, write it); 1 when it already has these values.",
    }),
  ),
  removeFields: local(
    listInput({
      label: "Remove Fields",
      example: "Fax",
      comments: "Names of contact lines to delete from the lead's contact block, one per row.",
    }),
  ),
};

function validateContactChange(values: Values<typeof contactParams>): void {
  if (isEmpty(values.contactFields) && isEmpty(values.removeFields)) {
    throw new InputError(
      "Contact Fields",
      "nothing to change: fill Contact Fields (or Remove Fields).",
    );
  }
  const problem = contactFieldsProblem([], values.removeFields);
  if (problem) throw new InputError("Remove Fields", problem);
}

const updateLeadContactFields = endpoint({
  key: "updateLeadContactFields",
  label: "Update Lead Contact Fields",
  description:
    "Add, replace or remove a lead's contact lines, keeping every other line and note. Cost: 2 requests.",
  method: "PUT",
  path: "/leads/{leadId}",
  returns: "lead",
  params: contactParams,
  validate: validateContactChange,
  sample: { contactFields: JSON.stringify({ Phone: "801 274 0000" }) },
  run: (client, request, values) =>
    changeLead(
      client,
      values.leadId,
      { set: values.contactFields, remove: values.removeFields },
      request.debug,
    ),
  example: leadWithNewContact,
});

const tagsToChange = (verb: string) =>
  listInput({
    label: "Tags",
    required: true,
    dataSource: "selectPredefinedTagName",
    example: "vip",
    comments: `The tags to ${verb}, one per row (or mapped as a list); case does not matter. The lead's other tags stay as they are.`,
  });

const addLeadTags = endpoint({
  key: "addLeadTags",
  label: "Add Tags to Lead",
  description:
    "Add tags to a lead, keeping the tags it has. Cost: 2 requests (1 when it has them all).",
  method: "PUT",
  path: "/leads/{leadId}",
  returns: "lead",
  params: { leadId: inPath(leadId), tags: local(tagsToChange("add")) },
  run: (client, request, values) =>
    changeLead(client, values.leadId, { addTags: values.tags }, request.debug),
  example: leadWithTags,
});

const removeLeadTags = endpoint({
  key: "removeLeadTags",
  label: "Remove Tags from Lead",
  description:
    "Remove tags from a lead, keeping its other tags. Cost: 2 requests (1 when it has none).",
  method: "PUT",
  path: "/leads/{leadId}",
  returns: "lead",
  params: { leadId: inPath(leadId), tags: local(tagsToChange("remove")) },
  sample: { tags: "small" },
  run: (client, request, values) =>
    changeLead(client, values.leadId, { removeTags: values.tags }, request.debug),
  example: leadWithoutTag,
});

export default resource("Leads", [updateLeadContactFields, addLeadTags, removeLeadTags]);

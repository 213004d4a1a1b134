/** One lead by id: read, assign, file in a client folder, business card, delete, email. */
import type { ApiResponse } from "../../client";
import { endpoint, inBody, inPath, resource } from "../../endpoint";
import { ApiError } from "../../errors";
import { businessCard } from "../../examples/leads/attachments";
import { assignedLead, emailSending, lead, leadInClientFolder } from "../../examples/leads/leads";
import { clientFolderId, idInput, idListInput, leadId, userInput } from "../../inputs";

const getLead = endpoint({
  key: "getLead",
  label: "Get Lead",
  description:
    "Get a lead by its ID, with its contact fields, owner, team, client folder and status.",
  method: "GET",
  path: "/leads/{leadId}",
  returns: "lead",
  params: { leadId: inPath(leadId) },
  example: lead,
});

const assignLead = endpoint({
  key: "assignLead",
  label: "Assign Lead",
  description: "Give a lead to a user; the user is notified by email if their preferences say so.",
  method: "POST",
  path: "/leads/{leadId}/assign",
  returns: "lead",
  params: {
    leadId: inPath(leadId),
    user: inBody(
      userInput({
        label: "User",
        required: true,
        example: "john.doe@mycompany.com",
        comments: "The user who gets the lead, by id or email: pick one from the list.",
      }),
      { name: "user_id" },
    ),
  },
  example: assignedLead,
});

const addLeadToClientFolder = endpoint({
  key: "addLeadToClientFolder",
  label: "Add Lead to Client Folder",
  description: "File a lead in an existing client folder.",
  method: "POST",
  path: "/leads/{leadId}/add_to_client",
  returns: "lead",
  params: { leadId: inPath(leadId), clientFolderId: inBody(clientFolderId, { name: "client_id" }) },
  example: leadInClientFolder,
});

const getLeadBusinessCard = endpoint({
  key: "getLeadBusinessCard",
  label: "Get Lead Business Card",
  description:
    "Get a short-lived download URL of the business card picture a lead was created from.",
  method: "GET",
  path: "/leads/{leadId}/business_card",
  params: { leadId: inPath(leadId) },
  example: businessCard,
});

const deleteLead = endpoint({
  key: "deleteLead",
  label: "Delete Lead",
  description: "Delete a lead by its ID.",
  method: "DELETE",
  path: "/leads/{leadId}",
  params: { leadId: inPath(leadId) },
  example: { id: 8113 },
});

const leadIds = idListInput({
  label: "Lead IDs",
  required: true,
  dataSource: "selectLead",
  example: "8484",
  comments:
    "The leads to delete: one ID per row, or a list mapped from a previous step. The result lists the IDs deleted and those the API could not delete (already gone, no rights, …).",
});

/**
 * The API answers the ids it could NOT delete; the others were deleted. An answer that is not
 * such a list tells nothing, so it is an error rather than a guess.
 */
function splitDeleted(
  response: ApiResponse,
  requested: number[],
): { deleted: number[]; notDeleted: number[] } {
  const answer = response.data;
  const failed = Array.isArray(answer) ? answer.map(Number) : undefined;
  if (!failed || failed.some((id) => !Number.isInteger(id))) {
    throw new ApiError(
      {
        status: response.status,
        apiMessage: "the answer is not the list of leads that could not be deleted",
        method: "DELETE",
        path: "/leads/delete_multiple",
      },
      "Which leads were deleted is unknown: list or get them to check.",
    );
  }
  const notDeleted = new Set(failed);
  return {
    deleted: requested.filter((id) => !notDeleted.has(id)),
    notDeleted: [...notDeleted],
  };
}

const deleteLeads = endpoint({
  key: "deleteLeads",
  label: "Delete Leads (multiple)",
  description:
    "Delete several leads in one request; returns the IDs deleted and those that could not be.",
  method: "DELETE",
  path: "/leads/delete_multiple",
  // The API takes the ids as one comma-separated string.
  params: { ids: inBody(leadIds, { send: "commaList" }) },
  // It answers the list of ids it could not delete.
  answer: "list",
  result: (response, values) => splitDeleted(response, values.ids),
  example: { deleted: [8484, 8485], notDeleted: [8486] },
});

const DREAMTEAM_HINT =
  "Sending emails from templates needs the Dreamteam edition of Pro Pipe Lines: upgrade the account's edition, or remove this step.";

const sendEmailFromTemplate = endpoint({
  key: "sendEmailFromTemplate",
  label: "Send Email From Template",
  description: "Send an email template to a lead's contact email (Dreamteam edition).",
  method: "POST",
  path: "/leads/{leadId}/emails/send_email_from_template",
  params: {
    leadId: inPath(leadId),
    emailTemplateId: inBody(
      idInput({
        label: "Email Template ID",
        required: true,
        example: "10",
        comments:
          "The email template to send, by its ID (shown in the template's address in Pro Pipe Lines). The email is not sent if a template variable is missing from the lead, or the lead has no email address.",
      }),
    ),
  },
  hints: { 403: DREAMTEAM_HINT },
  example: emailSending,
});

export default resource("Leads", [
  getLead,
  assignLead,
  addLeadToClientFolder,
  getLeadBusinessCard,
  deleteLead,
  deleteLeads,
  sendEmailFromTemplate,
]);

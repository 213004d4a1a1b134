/**
 * Prospecting lists (the API's "spreadsheets") and their prospects (rows): lists, creation with
 * rows, assignment, comments, adding prospects in batches of 100, updating and deleting them,
 * turning one into a lead, and the prospects called from a phone number.
 */
import { usesUserToken } from "../auth";
import type { ApiRequest, ProPipeLinesClient } from "../client";
import { endpoint, inBody, inPath, inQuery, resource, type Values } from "../endpoint";
import { ApiError, InputError } from "../errors";
import {
  addedProspects,
  assignedProspectingList,
  createdProspectingList,
  leadFromProspect,
  prospectComment,
  prospectingListComment,
  prospectingListList,
  prospectingListWithRows,
  prospectsCalledFrom,
  updatedProspect,
} from "../examples/prospectingLists";
import {
  choiceInput,
  direction,
  idInput,
  integerInput,
  listInput,
  phoneInput,
  prospectingListId,
  rowsInput,
  textInput,
  userInput,
} from "../inputs";
import {
  batches,
  MAX_COLUMNS,
  MAX_CREATE_ROWS,
  MAX_ROWS_PER_ADD,
  type Row,
  toListContent,
  toProspectRows,
  toProspectValues,
} from "../rows";

// ---------------------------------------------------------------------------------------------
// Inputs

/** Most prospects one Add Prospects step sends (50 requests of the account's 2000 a day). */
const MAX_ROWS_PER_STEP = 5000;

const listContent = rowsInput({
  required: true,
  label: "Prospects",
  example:
    '[{"Company name": "Acme Corp", "Firstname": "John", "Email": "john.doe@acme.com"}, {"Company name": "EuropaCorp", "Firstname": "Luc", "Email": "luc.besson@europacorp.com"}]',
  comments: `The list's rows. Either a list of objects mapped from a previous step (a spreadsheet or form tool) — their keys become the column headers, in the order they first appear — or the API's list of lists whose first row is the headers: [["Company name", "Firstname"], ["Acme Corp", "John"]]. JSON text of either is accepted. At most ${MAX_CREATE_ROWS} prospects and ${MAX_COLUMNS} columns.`,
  convert: toListContent,
});

const prospects = rowsInput({
  required: true,
  label: "Prospects",
  example: '[["Green Corp", "Julia", "Green", "julia.green@example.com", "345 234 7777"]]',
  comments: `The prospects to add at the end of the list, with their values in the list's column order: a list of lists ([["Green Corp", "Julia"], ["Red Corp", "John"]]), or a list of objects mapped from a previous step, whose values are taken in the order their keys first appear (keys are not sent: keep them in the list's column order). JSON text of either is accepted. Sent ${MAX_ROWS_PER_ADD} per request (the API's limit), in order; at most ${MAX_ROWS_PER_STEP} per step and ${MAX_COLUMNS} columns. The result is every created prospect; if a batch fails, the error says which prospects were already added.`,
  convert: (label, value) => toProspectRows(label, value, MAX_ROWS_PER_STEP),
});

const prospectValues = rowsInput({
  required: true,
  label: "Prospect Values",
  example: '["Green Corp", "Julia", "Green", "julia.green@example.com", "345 234 1111"]',
  comments: `The prospect's new values, all of them, in the list's column order: a list of values, an object from a previous step (its values in key order), or JSON text of either. At most ${MAX_COLUMNS} columns.`,
  convert: toProspectValues,
});

const prospectId = idInput({
  label: "Prospect ID",
  required: true,
  example: "108",
  comments:
    "The prospect (a row of the list): map its id from Get Prospecting List (spreadsheet_rows) or Add Prospects.",
});

const listTitle = textInput({
  label: "Title",
  required: true,
  example: "Trade show leads",
  comments: "The prospecting list's title; it can tell where the prospects come from.",
});

const listDescription = textInput({
  label: "Description",
  multiline: true,
  example: "This prospect comes from Peter",
  comments: "Optional description of the prospecting list.",
});

const listTags = listInput({
  label: "Tags",
  example: "prospect",
  comments:
    "Tags describing the list, one per row (or a list from a previous step). Unknown tags are created; the account's predefined tags can be used too.",
});

const listOwner = userInput({
  label: "Owner",
  example: "stef@example.com",
  comments:
    "With an API Key connection: the user (id or email) who will own the list; when empty or unknown, the account's first administrator owns it. Required when Privacy is set. Ignored with a user login or Act as User (the list belongs to that user).",
});

const privacy = choiceInput({
  label: "Privacy",
  choices: ["default", "off"] as const,
  default: "default",
  labels: {
    default: "Default (from the account's privacy settings)",
    off: "Off (shared with everyone in the account)",
  },
  comments:
    "Who can see the list. Default: computed from the account's settings and the owner. Off: shared with everyone in the account (with an API Key connection, Owner is then required).",
});

const commentContent = textInput({
  label: "Comment",
  required: true,
  multiline: true,
  example: "Called, will call back next week.",
  comments: "The text of the comment.",
});

const commentAuthor = userInput({
  label: "Author",
  example: "stef@example.com",
  comments:
    "With an API Key connection: the user (id or email) the comment is posted as. Ignored with a user login or Act as User (the comment is theirs).",
});

const commentActivity = idInput({
  label: "Activity ID",
  dataSource: "selectActivity",
  example: "3",
  comments: "Optional activity (call, meeting, …) to set on the comment: pick it from the list.",
});

const phoneNumber = phoneInput({
  label: "Phone Number",
  required: true,
  example: "2223334444",
  placeholder: "222 333 4444",
  comments:
    "The phone number that was called (a prospect's number), with or without spaces. Only calls made from the Pro Pipe Lines application are found.",
});

// ---------------------------------------------------------------------------------------------
// Rules and batching

const createListParams = {
  title: inBody(listTitle),
  content: inBody(listContent),
  description: inBody(listDescription),
  tags: inBody(listTags),
  userId: inBody(listOwner),
  // "default" means: leave the parameter out and let the account's settings decide.
  privacy: inBody(privacy, { send: (value) => (value === "off" ? "off" : undefined) }),
};

/** The API requires an owner when privacy is set with the API key itself. */
function requireOwnerForPrivacy(values: Values<typeof createListParams>): void {
  if (values.privacy !== "off" || values.userId !== undefined) return;
  if (!usesUserToken(values.connection)) {
    throw new InputError(
      "Owner",
      "is required when Privacy is Off with an API Key connection: choose the user who will own the list.",
    );
  }
}

/** A failed batch, saying which prospects were added before it (they stay in the list). */
function batchError(error: unknown, done: number, total: number): unknown {
  if (!(error instanceof ApiError)) return error;
  // A network failure (status 0) leaves the failed batch unconfirmed rather than refused.
  const rest = error.status === 0 ? "not confirmed" : "not added";
  const added =
    done === 0
      ? "no prospect was added"
      : `prospects 1–${done} were added; ${done + 1}–${total} were ${rest}`;
  return new ApiError({ ...error, apiMessage: `${error.apiMessage} (${added})` });
}

/** Sends the prospects 100 at a time, in order, and returns every created row. */
async function addInBatches(
  client: ProPipeLinesClient,
  request: ApiRequest,
  rows: Row[],
): Promise<unknown[]> {
  const created: unknown[] = [];
  let done = 0;
  for (const batch of batches(rows, MAX_ROWS_PER_ADD)) {
    try {
      const response = await client.request<unknown[]>({ ...request, body: { content: batch } });
      created.push(...(Array.isArray(response.data) ? response.data : []));
    } catch (error) {
      throw batchError(error, done, rows.length);
    }
    done += batch.length;
  }
  return created;
}

// ---------------------------------------------------------------------------------------------
// Endpoints

const listProspectingLists = endpoint({
  key: "listProspectingLists",
  label: "List Prospecting Lists",
  description: "List the prospecting lists the connection's user can see, newest first.",
  method: "GET",
  path: "/spreadsheets",
  params: {
    title: inQuery(
      textInput({
        label: "Title",
        example: "Circle prospects",
        comments: "Only the lists with exactly this title.",
      }),
    ),
    direction: inQuery(direction),
    limit: inQuery(
      integerInput({
        label: "Limit",
        min: 1,
        example: "100",
        comments: "How many lists to return at most (the API's default is 100).",
      }),
    ),
  },
  example: prospectingListList,
});

const createProspectingList = endpoint({
  key: "createProspectingList",
  label: "Create Prospecting List",
  description:
    "Create a prospecting list from rows: a spreadsheet, a form export, a list of objects.",
  method: "POST",
  path: "/spreadsheets",
  params: createListParams,
  validate: requireOwnerForPrivacy,
  example: createdProspectingList,
});

const getProspectingList = endpoint({
  key: "getProspectingList",
  label: "Get Prospecting List",
  description: "Retrieve a prospecting list with its columns and all its prospects (rows).",
  method: "GET",
  path: "/spreadsheets/{prospectingListId}",
  params: { prospectingListId: inPath(prospectingListId) },
  example: prospectingListWithRows,
});

const assignProspectingList = endpoint({
  key: "assignProspectingList",
  label: "Assign Prospecting List",
  description:
    "Give a prospecting list to another user (emailed if their notification settings say so).",
  method: "POST",
  path: "/spreadsheets/{prospectingListId}/assign",
  params: {
    prospectingListId: inPath(prospectingListId),
    userId: inBody(
      userInput({
        label: "Assign To",
        required: true,
        example: "john.doe@mycompany.com",
        comments: "The user (id or email) who will own the list: pick one from the list.",
      }),
    ),
  },
  example: assignedProspectingList,
});

const commentOnProspectingList = endpoint({
  key: "commentOnProspectingList",
  label: "Comment on Prospecting List",
  description: "Add a comment to a prospecting list.",
  method: "POST",
  path: "/spreadsheets/{prospectingListId}/comments",
  params: {
    prospectingListId: inPath(prospectingListId),
    content: inBody(commentContent),
    userId: inBody(commentAuthor),
    activityId: inBody(commentActivity),
  },
  example: prospectingListComment,
});

const commentOnProspect = endpoint({
  key: "commentOnProspect",
  label: "Comment on Prospect",
  description: "Add a comment to one prospect (row) of a prospecting list.",
  method: "POST",
  path: "/spreadsheets/{prospectingListId}/rows/{prospectId}/comments",
  params: {
    prospectingListId: inPath(prospectingListId),
    prospectId: inPath(prospectId),
    content: inBody(commentContent),
    userId: inBody(commentAuthor),
    activityId: inBody(commentActivity),
  },
  example: prospectComment,
});

const addProspects = endpoint({
  key: "addProspects",
  label: "Add Prospects",
  description: `Add prospects (rows) at the end of a prospecting list, up to ${MAX_ROWS_PER_STEP} per step.`,
  method: "POST",
  path: "/spreadsheets/{prospectingListId}/rows",
  params: {
    prospectingListId: inPath(prospectingListId),
    content: inBody(prospects),
  },
  run: (client, request, values) => addInBatches(client, request, values.content),
  example: addedProspects,
});

const updateProspect = endpoint({
  key: "updateProspect",
  label: "Update Prospect",
  description: "Replace the values of one prospect (row) of a prospecting list.",
  method: "PUT",
  path: "/spreadsheets/{prospectingListId}/rows/{prospectId}",
  params: {
    prospectingListId: inPath(prospectingListId),
    prospectId: inPath(prospectId),
    content: inBody(prospectValues),
  },
  example: updatedProspect,
});

const createLeadFromProspect = endpoint({
  key: "createLeadFromProspect",
  label: "Create Lead From Prospect",
  description:
    "Turn a prospect into a lead linked to it; its values fill the lead's title and description.",
  method: "POST",
  path: "/spreadsheets/{prospectingListId}/rows/{prospectId}/create_lead",
  returns: "lead",
  params: {
    prospectingListId: inPath(prospectingListId),
    prospectId: inPath(prospectId),
  },
  example: leadFromProspect,
});

const deleteProspect = endpoint({
  key: "deleteProspect",
  label: "Delete Prospect",
  description: "Delete one prospect (row) from a prospecting list.",
  method: "DELETE",
  path: "/spreadsheets/{prospectingListId}/rows/{prospectId}",
  params: {
    prospectingListId: inPath(prospectingListId),
    prospectId: inPath(prospectId),
  },
  example: { id: 108 },
});

const listProspectsCalledFrom = endpoint({
  key: "listProspectsCalledFrom",
  label: "List Prospects Called From a Number",
  description:
    "List the prospects of every list called at a phone number from the Pro Pipe Lines app.",
  method: "GET",
  path: "/rows/called_from",
  params: { phoneNumber: inQuery(phoneNumber) },
  example: prospectsCalledFrom,
});

export default resource("Prospecting lists", [
  listProspectingLists,
  createProspectingList,
  getProspectingList,
  assignProspectingList,
  commentOnProspectingList,
  commentOnProspect,
  addProspects,
  updateProspect,
  createLeadFromProspect,
  deleteProspect,
  listProspectsCalledFrom,
]);

/**
 * Creating a lead with what POST /leads does not take. The POST goes first (title,
 * description, tags, owner, creation date); then, only when filled, one PUT for the step,
 * status, amount, probability and reminder, and one Add to Client Folder: 1 to 3 requests.
 *
 * The POST is never repeated. When a call after it fails, the error says the lead WAS created,
 * with its id, what was not applied and how to finish, so that nobody runs the step again and
 * creates a second lead.
 */
import type { ApiRequest, ProPipeLinesClient } from "../../client";
import type { EndpointSpec, Values } from "../../endpoint";
import { inBuildersWords } from "../../endpoint/hints";
import { ApiError, PartialWriteError } from "../../errors";

/** A lead as the API answers it. */
export type LeadRecord = Record<string, unknown> & { id: number };

/** The body fields POST /leads takes; the others go to the calls after it. */
const POST_FIELDS = new Set(["title", "description", "tags", "user_id", "created_at"]);
/** Add Lead to Client Folder's field. */
const FOLDER_FIELD = "client_id";

/** What each field sets, in the builder's words (for the error after a partial creation). */
const WORDS: Record<string, string> = {
  step: "step",
  status: "status",
  amount: "amount",
  probability: "probability",
  client_id: "client folder",
};

/** "step, status and reminder": what `fields` set, each once. */
function what(fields: string[]): string {
  const words = [...new Set(fields.map((name) => WORDS[name] ?? "reminder"))];
  return words.length > 1 ? `${words.slice(0, -1).join(", ")} and ${words.at(-1)}` : `${words[0]}`;
}

interface Parts {
  post: Record<string, unknown>;
  put?: Record<string, unknown>;
  folder?: unknown;
}

/** The declared body, split by the call that sends each field. */
function split(body: unknown): Parts {
  const parts: Parts = { post: {} };
  for (const [name, value] of Object.entries((body as Record<string, unknown>) ?? {})) {
    if (POST_FIELDS.has(name)) parts.post[name] = value;
    else if (name === FOLDER_FIELD) parts.folder = value;
    else parts.put = { ...parts.put, [name]: value };
  }
  return parts;
}

function leadOf(data: unknown): LeadRecord | undefined {
  if (!data || typeof data !== "object" || Array.isArray(data)) return undefined;
  const id = (data as { id?: unknown }).id;
  return typeof id === "number" && Number.isInteger(id) ? (data as LeadRecord) : undefined;
}

/** The error of a call after the POST: in the builder's words, saying the lead exists. */
function afterCreate(
  spec: EndpointSpec,
  values: Values,
  error: ApiError,
  id: number,
  missing: string[],
): PartialWriteError {
  const worded = inBuildersWords(spec, values, error);
  const folderOnly = missing.length === 1 && missing[0] === FOLDER_FIELD;
  const how = missing.includes(FOLDER_FIELD)
    ? folderOnly
      ? "Add Lead to Client Folder"
      : "Update Lead and Add Lead to Client Folder"
    : "Update Lead";
  return new PartialWriteError(
    worded,
    `${worded.hint} The lead WAS created (ID ${id}) without its ${what(missing)}: do not run this step again, it would create a second lead. Set ${missing.length > 1 ? "them" : "it"} on lead ${id} with ${how}.`,
  );
}

/** POST /leads, then the PUT and the Add to Client Folder the filled inputs need. */
export async function createLeadInSteps(
  client: ProPipeLinesClient,
  request: ApiRequest,
  spec: EndpointSpec,
  values: Values,
): Promise<LeadRecord> {
  const { post, put, folder } = split(request.body);
  const answer = await client.request({ ...request, body: post });
  let lead = leadOf(answer.data);
  if (!lead) {
    throw new PartialWriteError(
      {
        status: answer.status,
        apiMessage: "the answer to the creation carries no lead id",
        method: "POST",
        path: "/leads",
      },
      "The lead was probably created: find it in Pro Pipe Lines before running this step again.",
    );
  }
  const id = lead.id;
  // The fields not applied yet, in the order they are sent.
  let missing = [...Object.keys(put ?? {}), ...(folder !== undefined ? [FOLDER_FIELD] : [])];
  const follow = { pathParams: { leadId: id }, debug: request.debug, expect: "json" as const };
  try {
    if (put) {
      const updated = await client.request({
        ...follow,
        method: "PUT",
        path: "/leads/{leadId}",
        body: put,
      });
      lead = leadOf(updated.data) ?? lead;
      missing = missing.filter((name) => name === FOLDER_FIELD);
    }
    if (folder !== undefined) {
      const filed = await client.request({
        ...follow,
        method: "POST",
        path: "/leads/{leadId}/add_to_client",
        body: { [FOLDER_FIELD]: folder },
      });
      lead = leadOf(filed.data) ?? lead;
    }
  } catch (error) {
    if (error instanceof ApiError) throw afterCreate(spec, values, error, id, missing);
    throw error;
  }
  return lead;
}

/**
 * Count Leads: how many leads match, in total and per status and/or step, without fetching them.
 * Each group costs one request for the smallest page (`limit=1`), whose `X-TOTAL-COUNT` header
 * is the count. A missing or unreadable header fails the step: a count is never guessed.
 */
import type { ApiRequest, ApiResponse, ProPipeLinesClient, QueryValue } from "../../../client";
import { endpoint, local, resource } from "../../../endpoint";
import { ApiError, InputError, UNREADABLE_ANSWER } from "../../../errors";
import { leadCounts } from "../../../examples/leads/jobs";
import { choiceInput, LEAD_STATUSES } from "../../../inputs";
import { checkDateRange, leadFilters } from "../list";

const GROUPS = ["status", "step", "statusAndStep", "none"] as const;
type Group = (typeof GROUPS)[number];

const countParams = {
  groupBy: local(
    choiceInput({
      label: "Group By",
      required: true,
      choices: GROUPS,
      default: "status",
      labels: {
        status: "Status (5 requests)",
        step: "Pipeline step (2 requests + 1 per step)",
        statusAndStep: "Status, and pipeline step (6 requests + 1 per step)",
        none: "Nothing: the total only (1 request)",
      },
      comments:
        "Count per status (todo, standby, won, lost, cancelled), per pipeline step (by step name: steps of the same name in several pipelines count together), both, or only the total. The leads are never fetched: each group is one request for a one-lead page, whose total Pro Pipe Lines states; without that total the step fails rather than guess.",
    }),
  ),
  userId: leadFilters.userId,
  tags: leadFilters.tags,
  updatedAfter: leadFilters.updatedAfter,
  startDate: leadFilters.startDate,
  endDate: leadFilters.endDate,
  dateRangeType: leadFilters.dateRangeType,
  includeUnassigned: leadFilters.includeUnassigned,
};

/** X-TOTAL-COUNT of a one-record page, checked against the page itself. */
function totalOf(response: ApiResponse<unknown[]>): number {
  const raw = response.headers["x-total-count"]?.trim();
  const total = raw !== undefined && /^\d+$/.test(raw) ? Number(raw) : undefined;
  const page = response.data.length;
  if (total !== undefined && total >= page && (total === 0) === (page === 0)) return total;
  throw new ApiError(
    {
      status: response.status,
      apiMessage:
        raw === undefined
          ? "the answer has no X-TOTAL-COUNT header"
          : `the answer's X-TOTAL-COUNT "${raw}" does not fit the ${page} lead(s) it holds`,
      method: "GET",
      path: "/leads",
      code: UNREADABLE_ANSWER,
    },
    "Count Leads reads the number of leads from that header and never guesses one: try again later, or count with List Leads (Fetch All).",
  );
}

/** The number of leads the request's filters, plus `extra`, match: one request. */
async function countOf(
  client: ProPipeLinesClient,
  request: ApiRequest,
  extra: Record<string, QueryValue> = {},
): Promise<number> {
  const response = await client.request<unknown[]>({
    ...request,
    expect: "list",
    query: { ...request.query, ...extra, limit: 1 },
  });
  return totalOf(response);
}

/** The account's step names, each once, in pipeline order (GET /steps). */
async function stepNames(client: ProPipeLinesClient, debug?: boolean): Promise<string[]> {
  const { data } = await client.request<Array<{ name?: unknown }>>({
    method: "GET",
    path: "/steps",
    expect: "list",
    debug,
  });
  const names = [...new Set(data.map((step) => step.name).filter((n) => typeof n === "string"))];
  const withComma = names.find((name) => name.includes(","));
  if (withComma !== undefined) {
    throw new InputError(
      "Group By",
      `the step "${withComma}" has a comma in its name, and Pro Pipe Lines splits step filters on commas: its leads cannot be counted exactly. Rename the step, or group by status only.`,
    );
  }
  return names;
}

async function countLeadGroups(client: ProPipeLinesClient, request: ApiRequest, groupBy: Group) {
  const byStatus: Record<string, number> | null =
    groupBy === "status" || groupBy === "statusAndStep" ? {} : null;
  let total = 0;
  if (byStatus) {
    // Every lead has exactly one of the statuses: their counts add up to the total.
    for (const status of LEAD_STATUSES) {
      byStatus[status] = await countOf(client, request, { status });
      total += byStatus[status];
    }
  } else {
    total = await countOf(client, request);
  }
  let byStep: Record<string, number> | null = null;
  if (groupBy === "step" || groupBy === "statusAndStep") {
    byStep = {};
    for (const step of await stepNames(client, request.debug)) {
      byStep[step] = await countOf(client, request, { step });
    }
  }
  return { total, byStatus, byStep };
}

const countLeads = endpoint({
  key: "countLeads",
  label: "Count Leads",
  description:
    "Count leads in total, per status or per step, unassigned ones included. Cost: 1 request per group.",
  method: "GET",
  path: "/leads",
  params: countParams,
  validate: checkDateRange,
  sample: { groupBy: "none" },
  run: (client, request, values) => countLeadGroups(client, request, values.groupBy),
  example: leadCounts,
});

export default resource("Leads", [countLeads]);

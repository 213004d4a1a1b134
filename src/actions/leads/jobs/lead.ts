/** The single-lead requests the job actions combine: read one lead, write a change to it. */
import type { ProPipeLinesClient } from "../../../client";
import type { LeadUpdateBody } from "../../../leads/changes";

export type LeadJson = Record<string, unknown> & { id?: unknown };

/** GET /leads/{id}: the lead as it is now (its description and tags). */
export async function readLead(
  client: ProPipeLinesClient,
  leadId: number,
  debug?: boolean,
): Promise<LeadJson> {
  const { data } = await client.request<LeadJson>({
    method: "GET",
    path: "/leads/{leadId}",
    pathParams: { leadId },
    debug,
  });
  return data;
}

/** PUT /leads/{id} with only what changes; the lead as the API answers it. */
export async function writeLead(
  client: ProPipeLinesClient,
  leadId: number,
  body: LeadUpdateBody,
  debug?: boolean,
): Promise<LeadJson> {
  const { data } = await client.request<LeadJson>({
    method: "PUT",
    path: "/leads/{leadId}",
    pathParams: { leadId },
    body,
    debug,
  });
  return data;
}

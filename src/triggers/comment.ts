/**
 * "Attach the New Comment": a "Lead commented" delivery carries the lead; the flow wants the
 * comment. A live delivery lists the lead's `comments` as they were at the event: the newest
 * of them (highest id) is the new one, with no request. When the delivery carries no comments,
 * they are read (GET /leads/{id}/comments, not paged: 1 request), and the delivery's
 * `comment_count` (the count at the event) says which one it was, so a second comment written
 * since is not taken for this one.
 */
import type { ProPipeLinesClient } from "../client";

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => !!v && typeof v === "object" && !Array.isArray(v);
const idOf = (c: Json) => (typeof c.id === "number" ? c.id : 0);
const oldestFirst = (comments: unknown[]) =>
  comments.filter(isObject).sort((a, b) => idOf(a) - idOf(b));

/** The new comment of a "Lead commented" delivery's lead, from the delivery alone. */
export function newestComment(lead: unknown): Json | undefined {
  if (!isObject(lead) || !Array.isArray(lead.comments)) return undefined;
  return oldestFirst(lead.comments).at(-1);
}

/** The new comment: from the delivery, else read from the API (1 request); null when none. */
export async function commentOf(client: ProPipeLinesClient, lead: unknown): Promise<Json | null> {
  const inDelivery = newestComment(lead);
  if (inDelivery) return inDelivery;
  if (!isObject(lead) || !Number.isSafeInteger(lead.id)) return null;
  const { data } = await client.request<unknown[]>({
    method: "GET",
    path: "/leads/{id}/comments",
    pathParams: { id: lead.id as number },
    expect: "list",
  });
  const all = oldestFirst(data);
  const count = lead.comment_count;
  const atEvent =
    Number.isSafeInteger(count) && (count as number) >= 1 ? all[(count as number) - 1] : undefined;
  return atEvent ?? all.at(-1) ?? null;
}

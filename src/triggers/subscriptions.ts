/**
 * The "Pro Pipe Lines Events" trigger's subscriptions: one per chosen event, delivering to the
 * flow's webhook URL, kept in step with the trigger's inputs on every deploy.
 *
 * The lifecycle handlers keep no state: the account's webhook list, filtered on this flow's URL,
 * is the state. They may run again and again (deploys, redeploys, listening mode), and may run
 * at the same time (two deploys racing), so:
 * - The list is read first, and strictly: an answer that is not a list of webhooks (an HTML
 *   page, partial JSON) fails the deploy or delete before any change. Acting on it could create
 *   a duplicate (a subscription that exists but was not read) or report a delete that deleted
 *   nothing.
 * - create: per chosen event, keep one subscription (an enabled one first; a disabled one is
 *   re-activated with PUT /webhooks/{id}/activate, as the API disables a webhook after failed
 *   deliveries), delete duplicates and events no longer chosen, and create the missing ones.
 *   The API refuses a second identical subscription with 409 and the existing id: that is
 *   success (a racing deploy made it), and that subscription is activated in case it was
 *   disabled. So racing deploys converge to one subscription per event.
 * - delete: delete every subscription of this URL (404 "already gone" is success).
 */
import type { ActionContext, Connection } from "@prismatic-io/spectral";
import { connect, type ProPipeLinesClient } from "../client";
import { apiKeyOnly } from "../endpoint/access";
import { ApiError, UNREADABLE_ANSWER } from "../errors";

export interface Subscription {
  id: number;
  event: string;
  target: string;
  target_type: string;
  is_disabled?: boolean;
}

const isSubscription = (item: unknown): item is Subscription => {
  const s = item as Partial<Subscription> | null;
  return (
    !!s &&
    typeof s === "object" &&
    Number.isSafeInteger(s.id) &&
    typeof s.event === "string" &&
    typeof s.target === "string" &&
    typeof s.target_type === "string"
  );
};

/** Why a deploy or delete stops when the list cannot be trusted, in the builder's words. */
const UNREADABLE_LIST_HINT =
  "Nothing was created or deleted: acting on a list that could not be read could duplicate a subscription or leave one behind. Pro Pipe Lines may be under maintenance: deploy (or delete) the instance again later.";

/** The account's subscriptions that deliver to `url`; throws before any change when unreadable. */
export async function subscriptionsOf(
  client: ProPipeLinesClient,
  url: string,
): Promise<Subscription[]> {
  let data: unknown;
  try {
    ({ data } = await client.request<unknown>({
      method: "GET",
      path: "/webhooks",
      expect: "list",
    }));
  } catch (error) {
    if (error instanceof ApiError && error.code === UNREADABLE_ANSWER) {
      throw new ApiError(
        { ...error, apiMessage: `the webhook list: ${error.apiMessage}` },
        UNREADABLE_LIST_HINT,
      );
    }
    throw error;
  }
  const list = data as unknown[];
  if (!list.every(isSubscription)) {
    throw new ApiError(
      {
        status: 200,
        code: UNREADABLE_ANSWER,
        method: "GET",
        path: "/webhooks",
        apiMessage: "the webhook list holds items that are not webhooks",
      },
      UNREADABLE_LIST_HINT,
    );
  }
  return list.filter((s) => s.target_type === "url" && s.target === url);
}

const remove = (client: ProPipeLinesClient, id: number) =>
  client.request({
    method: "DELETE",
    path: "/webhooks/{id}",
    pathParams: { id },
    acceptStatuses: [404],
  });

const activate = (client: ProPipeLinesClient, id: number) =>
  client.request({ method: "PUT", path: "/webhooks/{id}/activate", pathParams: { id } });

/** Makes the subscriptions of `url` exactly one enabled subscription per event of `wanted`. */
export async function reconcile(
  client: ProPipeLinesClient,
  url: string,
  wanted: string[],
  name: string,
): Promise<void> {
  const current = await subscriptionsOf(client, url);
  const keep = new Map<string, Subscription>();
  // Enabled ones first, so a disabled duplicate is the one deleted.
  const ordered = [...current].sort((a, b) => Number(!!a.is_disabled) - Number(!!b.is_disabled));
  for (const sub of ordered) {
    if (wanted.includes(sub.event) && !keep.has(sub.event)) keep.set(sub.event, sub);
  }
  for (const sub of current) {
    if (keep.get(sub.event) !== sub) await remove(client, sub.id);
  }
  for (const sub of keep.values()) {
    if (sub.is_disabled) await activate(client, sub.id);
  }
  for (const event of wanted.filter((e) => !keep.has(e))) {
    const { status, data } = await client.request<{ id?: unknown }>({
      method: "POST",
      path: "/webhooks",
      body: { event, target_type: "url", target: url, name },
      acceptStatuses: [409],
    });
    // 409: it exists (another deploy made it, or the list was a moment old). Make sure it is on.
    const existing = data?.id;
    if (status === 409 && Number.isSafeInteger(existing))
      await activate(client, existing as number);
  }
}

/** Deletes every subscription of `url`. */
export async function removeAll(client: ProPipeLinesClient, url: string): Promise<void> {
  for (const sub of await subscriptionsOf(client, url)) await remove(client, sub.id);
}

/** The client for a lifecycle handler: the API key only (webhooks refuse a user token). */
export function lifecycleClient(context: ActionContext, connection: unknown, who: string) {
  apiKeyOnly(connection as Connection, who);
  return connect(connection as Connection, context);
}

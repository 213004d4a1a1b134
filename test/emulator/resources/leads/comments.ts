/** Comments on a lead: list (direction), create (as a user of the account), delete. */
import { badValue, bodyOf, missingParameter, or404, ordered } from "../../http";
import type { Emulator } from "../../server";
import type { Store } from "../../store";
import { recordHistory } from "./histories";
import { actingUser, actorId, emitLead, leadOf, userParam } from "./shared";

export interface LeadComment {
  id: number;
  lead_id: number;
  content: string;
  created_at: string;
  activity_id: number | null;
  user_id: number | null;
}

export const comments = (store: Store) => store.table<LeadComment>("leadComments");

function commentJson(store: Store, comment: LeadComment) {
  return {
    id: comment.id,
    content: comment.content,
    commented_item: { item: "Lead", id: comment.lead_id },
    created_at: comment.created_at,
    attachments: [],
    activity_id: comment.activity_id,
    user: store.userContact(comment.user_id ? store.users.get(comment.user_id) : undefined),
  };
}

export function register(emu: Emulator): void {
  const { router, store } = emu;

  router.on("GET", "/leads/:lead_id/comments", (ctx) => {
    const lead = leadOf(store, ctx.params.lead_id);
    const own = [...comments(store).values()].filter((c) => c.lead_id === lead.id);
    const sorted = ordered(own, ctx.query.direction, (c) => c.id, "desc");
    return { body: sorted.map((c) => commentJson(store, c)) };
  });

  router.on("POST", "/leads/:lead_id/comments", (ctx) => {
    const lead = leadOf(store, ctx.params.lead_id);
    const body = bodyOf(ctx);
    const content = typeof body.content === "string" ? body.content.trim() : "";
    if (!content) throw missingParameter();
    // With a USER token the comment is the user's own and user_id is ignored.
    const user =
      ctx.caller.kind === "apiKey" && body.user_id !== undefined
        ? userParam(store, body.user_id)
        : actingUser(store, ctx);
    const activityId = body.activity_id;
    if (activityId !== undefined && !/^\d+$/.test(String(activityId))) {
      throw badValue("activity_id");
    }
    const comment: LeadComment = {
      id: store.nextId(),
      lead_id: lead.id,
      content,
      created_at: store.now(),
      activity_id: activityId === undefined ? null : Number(activityId),
      user_id: user?.id ?? null,
    };
    comments(store).set(comment.id, comment);
    recordHistory(store, actorId(store, ctx), lead.id, "comment_added", { id: comment.id });
    emitLead(emu, "lead.commented", lead);
    return { status: 201, body: commentJson(store, comment) };
  });

  router.on("DELETE", "/leads/:lead_id/comments/:id", (ctx) => {
    const lead = leadOf(store, ctx.params.lead_id);
    const comment = or404(comments(store).get(Number(ctx.params.id)), (c) => c.lead_id === lead.id);
    comments(store).delete(comment.id);
    return { body: { id: comment.id } };
  });
}

/** The document's example comment, on lead 8113. */
export function seed(store: Store): void {
  comments(store).set(13834, {
    id: 13834,
    lead_id: 8113,
    content: "This is a comment",
    created_at: "2015-08-12T21:57:40.000Z",
    activity_id: null,
    user_id: 514,
  });
}

/**
 * Comments on a lead: list (direction only: the list is not paged), create (as a user of the
 * account; 201), update the content, delete. Comments carry the live fields (`raw_content`, `is_pinned`,
 * attachments); an email comment has `content: null` and its text in `action_item.email`.
 */
import { badValue, bodyOf, missingParameter, or404, ordered } from "../../http";
import type { Emulator } from "../../server";
import type { Store } from "../../store";
import { recordHistory } from "./histories";
import { commentJson, comments, commentsOf, type LeadComment } from "./model";
import { actingUser, actorId, announceLead, leadOf, userParam } from "./shared";

export { comments, type LeadComment } from "./model";

export function register(emu: Emulator): void {
  const { router, store } = emu;

  router.on("GET", "/leads/:lead_id/comments", (ctx) => {
    const lead = leadOf(store, ctx.params.lead_id);
    const sorted = ordered(commentsOf(store, lead.id), ctx.query.direction, (c) => c.id, "desc");
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
      is_pinned: false,
      attachments: [],
    };
    comments(store).set(comment.id, comment);
    recordHistory(store, actorId(store, ctx), lead.id, "comment_added", { id: comment.id });
    announceLead(emu, lead, ["lead.commented"]);
    return { status: 201, body: commentJson(store, comment) };
  });

  // Not in the API document: the live API updates a comment's content (live-api-facts.md).
  router.on("PUT", "/leads/:lead_id/comments/:id", (ctx) => {
    const lead = leadOf(store, ctx.params.lead_id);
    const comment = or404(comments(store).get(Number(ctx.params.id)), (c) => c.lead_id === lead.id);
    const content = bodyOf(ctx).content;
    if (typeof content !== "string" || !content.trim()) throw missingParameter();
    comment.content = content.trim();
    announceLead(emu, lead);
    return { body: commentJson(store, comment) };
  });

  router.on("DELETE", "/leads/:lead_id/comments/:id", (ctx) => {
    const lead = leadOf(store, ctx.params.lead_id);
    const comment = or404(comments(store).get(Number(ctx.params.id)), (c) => c.lead_id === lead.id);
    comments(store).delete(comment.id);
    announceLead(emu, lead);
    return { body: { id: comment.id } };
  });
}

/**
 * On lead 8113: the document's example comment (with its Dropbox attachment), and an email
 * comment as the live API lists one.
 */
export function seed(store: Store): void {
  comments(store).set(13834, {
    id: 13834,
    lead_id: 8113,
    content: "This is a comment",
    created_at: "2015-08-12T21:57:40.000Z",
    activity_id: null,
    user_id: 514,
    is_pinned: false,
    attachments: [
      {
        id: 24,
        name: "780_3.pdf",
        url: "https://www.dropbox.com/s/gamibhk6kq9uaez/780_3.pdf?dl=0",
        permalink: "https://www.dropbox.com/s/gamibhk6kq9uaez/780_3.pdf?dl=0",
        content_type: null,
        kind: "dropbox",
      },
    ],
  });
  comments(store).set(13840, {
    id: 13840,
    lead_id: 8113,
    content: null,
    created_at: "2015-08-14T09:12:00.000Z",
    activity_id: 274,
    user_id: 514,
    is_pinned: true,
    attachments: [],
    email: {
      id: 7001,
      to: "natalia.bawer@loretta-inc.com",
      from: "stef@example.com",
      from_name: "Stéphanie Stone",
      cc: null,
      bcc: null,
      subject: "Our proposal",
      content: "<p>Hello Natalia,<br />Please find our proposal attached.</p>",
      threaded_content: null,
      has_more_content: false,
      is_read: true,
      status: "sent",
      scheduled_at: null,
      sent_at: "2015-08-14T09:12:00.000Z",
      user_id: 514,
      attachments: [],
      created_at: "2015-08-14T09:12:00.000Z",
    },
  });
}

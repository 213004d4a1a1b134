/**
 * The tables the lead routes keep besides the store's `leads` (comments, attachments), and the
 * JSON of their rows: shared by the routes and by the lead's own JSON (counts, deliveries).
 */
import type { Store } from "../../store";

export interface LeadAttachment {
  id: number;
  lead_id: number;
  name: string;
  content_type: string | null;
  /** attachment, business_card, freshbooks_estimate, dropbox, … (only "attachment" downloads). */
  kind: string;
  url: string;
  size: number;
}

/** A file shown on a comment, as the live API lists them. */
export interface CommentAttachment {
  id: number;
  name: string;
  url: string;
  permalink: string;
  content_type: string | null;
  kind: string;
}

/** The email an email comment carries (`action_item.email`). */
export interface CommentEmail {
  id: number;
  to: string;
  from: string;
  from_name: string | null;
  cc: string | null;
  bcc: string | null;
  subject: string;
  content: string;
  threaded_content: string | null;
  has_more_content: boolean;
  is_read: boolean;
  status: string;
  scheduled_at: string | null;
  sent_at: string | null;
  user_id: number;
  attachments: CommentAttachment[];
  created_at: string;
}

export interface LeadComment {
  id: number;
  lead_id: number;
  /** As written (an email comment has none: its text is in `email`). */
  content: string | null;
  created_at: string;
  activity_id: number | null;
  user_id: number | null;
  is_pinned: boolean;
  attachments: CommentAttachment[];
  email?: CommentEmail;
}

export const attachments = (store: Store) => store.table<LeadAttachment>("leadAttachments");
export const comments = (store: Store) => store.table<LeadComment>("leadComments");

export const commentsOf = (store: Store, leadId: number): LeadComment[] =>
  [...comments(store).values()].filter((c) => c.lead_id === leadId);

export const attachmentsOf = (store: Store, leadId: number): LeadAttachment[] =>
  [...attachments(store).values()].filter((a) => a.lead_id === leadId);

export function attachmentJson(a: LeadAttachment) {
  return { id: a.id, name: a.name, url: a.url, content_type: a.content_type, kind: a.kind };
}

/** A comment as the live API lists it: `raw_content`, `is_pinned`, attachments, `action_item`. */
export function commentJson(store: Store, comment: LeadComment) {
  const email = comment.email;
  return {
    id: comment.id,
    content: comment.content,
    raw_content: comment.content,
    is_pinned: comment.is_pinned,
    activity_id: comment.activity_id,
    commented_item: { item: "Lead", id: comment.lead_id },
    created_at: comment.created_at,
    attachments: comment.attachments,
    user: store.userContact(comment.user_id ? store.users.get(comment.user_id) : undefined),
    action_item: email ? { email: emailJson(store, comment.lead_id, email) } : null,
  };
}

function emailJson(store: Store, leadId: number, { user_id, ...email }: CommentEmail) {
  return { ...email, lead_id: leadId, user: store.userSummary(store.users.get(user_id)) };
}

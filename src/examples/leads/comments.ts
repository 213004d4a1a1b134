/** Comments on lead 8113, in the live shape: `raw_content`, `is_pinned`, `activity_id`, `action_item`. */
import { userContact, userSummary } from "../users";

const onLead = { item: "Lead", id: 8113 };

/** A comment with a file: Get/List Lead Comments, and a delivery's `comments`. */
export const comment = {
  id: 13834,
  content: "This is a comment",
  raw_content: "This is a comment",
  is_pinned: false,
  activity_id: null,
  commented_item: onLead,
  created_at: "2015-08-12T21:57:40.000Z",
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
  user: userContact,
  action_item: null,
};

/** An email logged as a comment: no `content`; the text is in `action_item.email`. */
export const emailComment = {
  ...comment,
  id: 13840,
  content: null,
  raw_content: null,
  is_pinned: true,
  activity_id: 274,
  created_at: "2015-08-14T09:12:00.000Z",
  attachments: [],
  action_item: {
    email: {
      id: 7001,
      lead_id: onLead.id,
      from: userSummary.email,
      from_name: "Stéphanie Stone",
      to: "natalia.bawer@loretta-inc.com",
      cc: null,
      bcc: null,
      subject: "Our proposal",
      content: "<p>Hello Natalia,<br />Please find our proposal attached.</p>",
      status: "sent",
      is_read: true,
      sent_at: "2015-08-14T09:12:00.000Z",
      created_at: "2015-08-14T09:12:00.000Z",
      attachments: [],
      user: userSummary,
    },
  },
};

/** List Lead Comments (newest first). */
export const commentList = [emailComment, comment];

/** Create Lead Comment: a call logged with its activity (Call › Answered). */
export const createdComment = {
  ...comment,
  id: 13841,
  content: "Called Natalia: she wants a demo next week.",
  raw_content: "Called Natalia: she wants a demo next week.",
  activity_id: 272,
  created_at: "2015-08-20T21:57:40.000Z",
  attachments: [],
};

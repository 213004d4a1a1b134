/** Comments on a lead. */
import { endpoint, inBody, inPath, inQuery, resource } from "../../endpoint";
import { comment, commentList, createdComment } from "../../examples/leads/comments";
import { direction, idInput, leadId, textInput, userInput } from "../../inputs";

const content = textInput({
  label: "Comment",
  required: true,
  multiline: true,
  example: "Called Natalia: she wants a demo next week.",
  comments: "The text of the comment.",
});

const commentId = idInput({
  label: "Comment ID",
  required: true,
  example: "13834",
  comments: "The comment: map its id from List Lead Comments or Create Lead Comment.",
});

const listLeadComments = endpoint({
  key: "listLeadComments",
  label: "List Lead Comments",
  description: "List the comments of a lead, newest first unless Direction says otherwise.",
  method: "GET",
  path: "/leads/{leadId}/comments",
  params: { leadId: inPath(leadId), direction: inQuery(direction) },
  example: commentList,
});

const createLeadComment = endpoint({
  key: "createLeadComment",
  label: "Create Lead Comment",
  description: "Add a comment to a lead, optionally as another user or tied to an activity.",
  method: "POST",
  path: "/leads/{leadId}/comments",
  params: {
    leadId: inPath(leadId),
    content: inBody(content),
    author: inBody(
      userInput({
        label: "Author",
        example: "stef@example.com",
        comments:
          "Post the comment as this user (id or email). API Key connections only: with a user's connection the comment is always that user's.",
      }),
      { name: "user_id" },
    ),
    activityId: inBody(
      idInput({
        label: "Activity",
        dataSource: "selectActivity",
        example: "3",
        comments: "The activity the comment records (call, meeting, …): pick it from the list.",
      }),
    ),
  },
  example: createdComment,
});

const deleteLeadComment = endpoint({
  key: "deleteLeadComment",
  label: "Delete Lead Comment",
  description: "Delete a comment from a lead.",
  method: "DELETE",
  path: "/leads/{leadId}/comments/{commentId}",
  params: {
    leadId: inPath(leadId),
    commentId: inPath(commentId),
  },
  example: { id: 13834 },
});

// Not in the API document: a production client of the live API updates comments this way.
const updateLeadComment = endpoint({
  key: "updateLeadComment",
  label: "Update Lead Comment",
  description: "Replace the text of a comment on a lead.",
  method: "PUT",
  path: "/leads/{leadId}/comments/{commentId}",
  params: { leadId: inPath(leadId), commentId: inPath(commentId), content: inBody(content) },
  example: comment,
});

export default resource("Leads", [
  listLeadComments,
  createLeadComment,
  updateLeadComment,
  deleteLeadComment,
]);

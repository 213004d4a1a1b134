/** Comments on a lead. */
import { type EndpointSpec, inBody, inPath, inQuery } from "../../endpoint";
import { direction, idInput, leadId, textInput, userInput } from "../../inputs";
import { commentExample, commentListExample } from "./examples";

const listLeadComments: EndpointSpec = {
  key: "listLeadComments",
  label: "List Lead Comments",
  description: "List the comments of a lead, newest first unless Direction says otherwise.",
  method: "GET",
  path: "/leads/{lead_id}/comments",
  params: { leadId: inPath(leadId, "lead_id"), direction: inQuery(direction) },
  example: commentListExample,
};

const createLeadComment: EndpointSpec = {
  key: "createLeadComment",
  label: "Create Lead Comment",
  description: "Add a comment to a lead, optionally as another user or tied to an activity.",
  method: "POST",
  path: "/leads/{lead_id}/comments",
  params: {
    leadId: inPath(leadId, "lead_id"),
    content: inBody(
      textInput({
        label: "Comment",
        required: true,
        multiline: true,
        example: "Called Natalia: she wants a demo next week.",
        comments: "The text of the comment.",
      }),
      "content",
    ),
    author: inBody(
      userInput({
        label: "Author",
        example: "stef@example.com",
        comments:
          "Post the comment as this user (id or email). API Key connections only: with a user's connection the comment is always that user's.",
      }),
      "user_id",
    ),
    activityId: inBody(
      idInput({
        label: "Activity",
        dataSource: "selectActivity",
        example: "3",
        comments: "The activity the comment records (call, meeting, …): pick it from the list.",
      }),
      "activity_id",
    ),
  },
  example: commentExample,
};

const deleteLeadComment: EndpointSpec = {
  key: "deleteLeadComment",
  label: "Delete Lead Comment",
  description: "Delete a comment from a lead.",
  method: "DELETE",
  path: "/leads/{lead_id}/comments/{id}",
  params: {
    leadId: inPath(leadId, "lead_id"),
    commentId: inPath(
      idInput({
        label: "Comment ID",
        required: true,
        example: "13834",
        comments:
          "The comment to delete: map its id from List Lead Comments or Create Lead Comment.",
      }),
      "id",
    ),
  },
  example: { id: 13834 },
};

export default [listLeadComments, createLeadComment, deleteLeadComment];

/** The user the API document's examples are made with, as responses embed it. */

/** Short form: in `created_by`, a client folder's `user`, a webhook event's `user`. */
export const exampleUserSummary = {
  id: 514,
  lastname: "Stone",
  firstname: "Stéphanie",
  email: "stef@example.com",
};

/** With phones: a lead's or a prospecting list's `user`. */
export const exampleUser = { ...exampleUserSummary, phone: "2223334444", mobile_phone: "" };

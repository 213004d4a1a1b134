/** Users of the account: list, create, retrieve, send the activation email, disable. */
import type { ApiResponse } from "../client";
import { type EndpointSpec, endpointActions, inBody, inPath, inQuery, local } from "../endpoint";
import {
  booleanInput,
  choiceInput,
  direction,
  emailInput,
  idInput,
  listInput,
  textInput,
  userInput,
} from "../inputs";

// ---------------------------------------------------------------------------------------------
// Inputs used only by the users actions

const userToActOn = userInput({
  label: "User",
  required: true,
  example: "stef@example.com",
  comments:
    "The user to retrieve, by id or email address: pick one from the list, or map either from a previous step.",
});

/** Activation and disabling take the user's id only (the API document does not accept an email there). */
const userId = idInput({
  label: "User ID",
  required: true,
  dataSource: "selectUser",
  example: "639",
  comments: "The user's id: pick the user from the list, or map the id from a previous step.",
});

const firstname = textInput({
  label: "First Name",
  example: "Albert",
  comments: "The user's first name.",
});

const lastname = textInput({
  label: "Last Name",
  example: "Einstein",
  comments: "The user's last name.",
});

const USER_STATUSES = ["all", "activated", "deactivated"] as const;
const USER_ROLES = ["all", "admin", "non-admin"] as const;

/** A user as the API returns it (example data from the API document). */
const exampleUser = {
  id: 514,
  lastname: "Doe",
  firstname: "John",
  email: "john.doe@mycompany.com",
  phone: "+33 1 12 23 34 45",
  mobile_phone: "+33 6 56 67 78 89",
  job_title: "CEO",
  im_type: "Skype",
  im: "john.doe",
  updated_at: "2014-02-19T16:58:43.000Z",
  created_at: "2014-02-11T22:41:26.000Z",
  is_admin: true,
  has_activated: true,
  is_disabled: false,
  locale: "en",
  time_zone: "America/Denver",
  permalink: "https://YOUR_SLUG_HERE.propipelines.com/users/514",
};

const exampleNewUser = {
  ...exampleUser,
  id: 639,
  lastname: "Einstein",
  firstname: "Albert",
  email: "albert.einstein@genius.com",
  phone: "",
  mobile_phone: "",
  job_title: "",
  im_type: "",
  im: "",
  updated_at: "2015-07-22T16:58:43.000Z",
  created_at: "2015-07-22T16:58:43.000Z",
  has_activated: false,
  permalink: "https://YOUR_SLUG_HERE.propipelines.com/users/639",
};

// ---------------------------------------------------------------------------------------------
// Endpoints

const listUsers: EndpointSpec = {
  key: "listUsers",
  label: "List Users",
  description:
    "List the account's users (disabled users included), filtered by email, name, status, role or team.",
  method: "GET",
  path: "/users",
  params: {
    email: inQuery(
      emailInput({
        label: "Email",
        example: "john.doe@mycompany.com",
        comments: "Only the user with this email address.",
      }),
    ),
    lastname: inQuery(
      textInput({
        label: "Last Name",
        example: "Doe",
        comments: "Only users with this last name.",
      }),
    ),
    firstname: inQuery(
      textInput({
        label: "First Name",
        example: "John",
        comments: "Only users with this first name.",
      }),
    ),
    status: inQuery(
      choiceInput({
        label: "Status",
        choices: USER_STATUSES,
        labels: { all: "All", activated: "Activated", deactivated: "Deactivated" },
        comments:
          "Only activated or only deactivated users (the API's default is all). Each result's has_activated and is_disabled tell its exact state.",
      }),
    ),
    direction: inQuery({
      ...direction,
      comments: "Sort order of the users by id (the API's default is ascending).",
    }),
    role: inQuery(
      choiceInput({
        label: "Role",
        choices: USER_ROLES,
        labels: { all: "All", admin: "Admins only", "non-admin": "Non-admins only" },
        comments: "Only administrators, or only users who are not (the API's default is all).",
      }),
    ),
    teams: inQuery(
      listInput({
        label: "Teams",
        example: "Sales",
        dataSource: "selectTeam",
        comments: "Only members of these teams: one team id or name per row (or comma-separated).",
      }),
    ),
  },
  example: [
    exampleUser,
    {
      ...exampleUser,
      id: 515,
      lastname: "Support",
      firstname: "",
      email: "support@mycompany.com",
      phone: "+33 1 22 23 34 45",
      mobile_phone: "+33 6 66 67 78 89",
      job_title: "QA tester",
      im_type: "Google Chat",
      im: "support.mycompany",
      updated_at: "2014-02-20T16:58:43.000Z",
      created_at: "2014-02-20T22:41:26.000Z",
      is_admin: false,
      time_zone: "Europe/Paris",
      permalink: "https://YOUR_SLUG_HERE.propipelines.com/users/515",
    },
  ],
};

const createUser: EndpointSpec = {
  key: "createUser",
  label: "Create User",
  description:
    "Add a user to the account by email address. With a User Login connection, only an admin user may do this.",
  method: "POST",
  path: "/users",
  params: {
    email: inBody(
      emailInput({
        label: "Email",
        required: true,
        example: "albert.einstein@genius.com",
        comments: "The new user's email address; the user logs in with it.",
      }),
    ),
    lastname: inBody(lastname),
    firstname: inBody(firstname),
    isAdmin: inBody(
      booleanInput({
        label: "Administrator",
        comments: "Turn on to make the user an administrator of the account (default: off).",
      }),
      "is_admin",
    ),
    sendActivationEmail: local(
      booleanInput({
        label: "Send Activation Email",
        comments:
          "Turn on to email the user the link to activate the account now. By default no email is sent (use Send Activation Email later).",
      }),
    ),
  },
  // The API's flag is the negative `dont_send_email`, true by default: send it only to opt in.
  prepare: (request, values) =>
    values.sendActivationEmail === true
      ? { ...request, body: { ...(request.body as object), dont_send_email: false } }
      : request,
  example: exampleNewUser,
};

const getUser: EndpointSpec = {
  key: "getUser",
  label: "Get User",
  description: "Retrieve a user by id or email address.",
  method: "GET",
  path: "/users/{id}",
  params: { userId: inPath(userToActOn, "id") },
  example: exampleUser,
};

/** What Send Activation Email returns: the API answers 200 (sent) or 304 (already activated), no body. */
function activationResult(response: ApiResponse): { sent: boolean; alreadyActivated: boolean } {
  return { sent: response.status === 200, alreadyActivated: response.status === 304 };
}

const sendActivationEmail: EndpointSpec = {
  key: "sendUserActivationEmail",
  label: "Send Activation Email",
  description:
    "Email a user the link to activate their account. Returns sent: false when the user is already activated. With a User Login connection, only an admin user may do this.",
  method: "GET",
  path: "/users/{id}/send_activation_email",
  params: { userId: inPath(userId, "id") },
  acceptStatuses: [304],
  expect: "empty",
  result: activationResult,
  example: { sent: true, alreadyActivated: false },
};

const disableUser: EndpointSpec = {
  key: "disableUser",
  label: "Disable User",
  description:
    "Disable (deactivate) a user: they can no longer log in; no data is lost. Only Pro Pipe Lines support can re-enable them. With a User Login connection, only an admin user may do this.",
  method: "PUT",
  path: "/users/{id}/disable",
  params: { userId: inPath(userId, "id") },
  example: {
    ...exampleNewUser,
    phone: "+33 1 12 23 34 45",
    mobile_phone: "+33 6 56 67 78 89",
    job_title: "CEO",
    im_type: "Skype",
    im: "john.doe",
    has_activated: true,
    is_disabled: true,
  },
};

export default endpointActions([listUsers, createUser, getUser, sendActivationEmail, disableUser]);

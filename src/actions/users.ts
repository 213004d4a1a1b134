/** Users of the account: list, create, retrieve, send the activation email, disable. */
import type { ApiResponse } from "../client";
import { endpoint, inBody, inPath, inQuery, resource } from "../endpoint";
import { disabledUser, newUser, user, userList } from "../examples/users";
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
  example: "515",
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

// ---------------------------------------------------------------------------------------------
// Endpoints

const listUsers = endpoint({
  key: "listUsers",
  label: "List Users",
  description:
    "List the account's users (active ones unless Status says otherwise), by email, name, role or team.",
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
        default: "activated",
        labels: {
          all: "All (disabled and not yet activated users too)",
          activated: "Activated (active users: the default)",
          deactivated: "Deactivated (disabled, or not activated yet)",
        },
        comments:
          "Which users: active ones by default; choose All to include disabled users and invitations not accepted yet. Each result's has_activated and is_disabled tell its exact state.",
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
  example: userList,
});

const createUser = endpoint({
  key: "createUser",
  label: "Create User",
  description: "Add a user to the account by email address. Admins only.",
  access: "admin",
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
    ),
    // The API's flag is the negative `dont_send_email`, true by default: sent only to opt in.
    sendActivationEmail: inBody(
      booleanInput({
        label: "Send Activation Email",
        comments:
          "Turn on to email the user the link to activate the account now. By default no email is sent (use Send Activation Email later).",
      }),
      { name: "dont_send_email", send: (send) => (send ? false : undefined) },
    ),
  },
  example: newUser,
});

const getUser = endpoint({
  key: "getUser",
  label: "Get User",
  description: "Retrieve a user by id or email address.",
  method: "GET",
  path: "/users/{userId}",
  params: { userId: inPath(userToActOn) },
  example: user,
});

/** What Send Activation Email returns: the API answers 200 (sent) or 304 (already activated), no body. */
function activationResult(response: ApiResponse): { sent: boolean; alreadyActivated: boolean } {
  return { sent: response.status === 200, alreadyActivated: response.status === 304 };
}

const sendActivationEmail = endpoint({
  key: "sendUserActivationEmail",
  label: "Send Activation Email",
  description:
    "Email a user the link to activate their account (sent: false if already active). Admins only.",
  access: "admin",
  method: "GET",
  path: "/users/{userId}/send_activation_email",
  sideEffect: "emails the user",
  params: { userId: inPath(userId) },
  acceptStatuses: [304],
  answer: "empty",
  result: activationResult,
  example: { sent: true, alreadyActivated: false },
});

const disableUser = endpoint({
  key: "disableUser",
  label: "Disable User",
  description:
    "Disable a user: no more log-ins, no data lost; only support can re-enable them. Admins only.",
  access: "admin",
  method: "PUT",
  path: "/users/{userId}/disable",
  params: { userId: inPath(userId) },
  example: disabledUser,
});

export default resource("Users", [
  listUsers,
  createUser,
  getUser,
  sendActivationEmail,
  disableUser,
]);

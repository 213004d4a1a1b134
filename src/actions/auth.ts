/**
 * Session actions: obtain a user token (as a user, with the API key; or with a user's email and
 * password) and end one. The connection's own token handling lives in auth.ts; these actions
 * are for flows that hand a token to another system or end a session on purpose.
 */
import { endpoint, inQuery, local, resource } from "../endpoint";
import { session } from "../examples/auth";
import { emailInput, passwordInput, userInput } from "../inputs";

const password = passwordInput({
  label: "Password",
  required: true,
  comments:
    "The user's Pro Pipe Lines password. It is sent once, in the Authorization header, and never appears in the result or the logs.",
});

const logInAsUser = endpoint({
  key: "logInAsUser",
  label: "Log In As User",
  description: "Get a user token for a user of the account, with the API key (no Act as User).",
  access: "apiKey",
  method: "GET",
  path: "/auth/log_as",
  sideEffect: "opens a session for the user (a new user token)",
  params: {
    user: inQuery(
      userInput({
        label: "User",
        required: true,
        example: "stef@example.com",
        comments:
          "The user to get a token for, by id or email address: pick one from the list. Disabled users are refused. Needs an API Key connection without Act as User; the result has the token with the user's locale, time zone and admin flag.",
      }),
      { name: "user_id" },
    ),
  },
  example: session,
});

const basicAuth = (email: string, secret: string) => ({
  Authorization: `Basic ${Buffer.from(`${email}:${secret}`, "utf8").toString("base64")}`,
});

const logIn = endpoint({
  key: "logIn",
  label: "Log In",
  description: "Get a user token from a user's email and password, valid 30 days or until Log Out.",
  method: "GET",
  path: "/auth/login",
  sideEffect: "opens a session for the user (a new user token)",
  params: {
    email: local(
      emailInput({
        label: "Email",
        required: true,
        example: "stef@example.com",
        comments:
          "The email address the user logs in to Pro Pipe Lines with. The connection only gives the account's address: its own credentials are not used.",
      }),
    ),
    password: local(password),
  },
  // Basic auth in place of the connection's credentials: `send`, not `request`.
  run: async (client, request, values) => {
    const auth = basicAuth(values.email, values.password);
    return (await client.send(request, auth)).data;
  },
  hints: {
    401: "Check the Email and Password inputs: the user may have mistyped them, or be disabled.",
  },
  example: session,
});

const logOut = endpoint({
  key: "logOut",
  label: "Log Out",
  description: "End the connection's user session; a plain API key has none (loggedOut: false).",
  method: "GET",
  path: "/auth/logout",
  sideEffect: "ends the connection's user session",
  // The API answers with no body: 200 when the token was invalidated, 304 when nothing was done.
  acceptStatuses: [304],
  answer: "empty",
  result: (response) => ({ loggedOut: response.status === 200 }),
  example: { loggedOut: true },
});

export default resource("Auth", [logInAsUser, logIn, logOut]);

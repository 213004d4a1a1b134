/** Actions that are not about one resource: checking the connection, and raw requests. */
import { endpoint, local, resource } from "../endpoint";
import { InputError, SECRET_HEADERS } from "../errors";
import { ping } from "../examples/general";
import { lead } from "../examples/leads/leads";
import { choiceInput, debugRequest, jsonInput, keyValueInput, textInput } from "../inputs";
import { toRawPath } from "../rawPath";

const rawPathInput = textInput({
  label: "Path",
  required: true,
  example: "/leads/8113",
  placeholder: "/leads",
  comments:
    "The path after https://YOUR_ACCOUNT.propipelines.com/api/v2, e.g. /leads or /leads/8113/comments. The connection's account and credentials are applied for you.",
});

const testConnection = endpoint({
  key: "testConnection",
  label: "Test Connection",
  description: "Check that the connection's account and credentials are accepted (GET /ping).",
  method: "GET",
  path: "/ping",
  example: ping,
});

const rawRequest = endpoint({
  key: "rawRequest",
  label: "Raw Request",
  description: "Send any request to the Pro Pipe Lines API with the connection's credentials.",
  method: "GET",
  path: "/",
  // The method is an input: any request may write.
  sideEffect: "sends any request, writes included",
  outputSchema: { description: "The API's answer, as it comes (any JSON)." },
  params: {
    method: local(
      choiceInput({
        label: "Method",
        required: true,
        default: "GET",
        choices: ["GET", "POST", "PUT", "DELETE"] as const,
        comments: "GET reads, POST creates, PUT updates, DELETE removes.",
      }),
    ),
    path: local(rawPathInput),
    queryParams: local(
      keyValueInput({
        label: "Query Parameters",
        example: "status: todo",
        comments: "Added to the URL as ?key=value&… (values are encoded for you).",
      }),
    ),
    body: local(
      jsonInput({
        label: "Body",
        example: '{"title": "Awesome Company", "description": "Firstname: John"}',
        comments: "JSON body for POST and PUT requests.",
      }),
    ),
    headers: local(
      keyValueInput({
        label: "Headers",
        example: "Accept-Language: en",
        comments:
          "Extra headers. The credentials headers are set by the connection and cannot be overridden here.",
      }),
    ),
    debugRequest: local(debugRequest),
  },
  validate: (values) => {
    for (const [name] of values.headers ?? []) {
      if (SECRET_HEADERS.includes(name.toLowerCase())) {
        throw new InputError(
          "Headers",
          `"${name}" is set by the connection; remove it from Headers.`,
        );
      }
    }
    toRawPath("Path", values.path);
  },
  prepare: (request, values) => ({
    ...request,
    method: values.method,
    path: toRawPath("Path", values.path),
    query: Object.fromEntries(values.queryParams ?? []),
    headers: Object.fromEntries(values.headers ?? []),
    body: values.body,
  }),
  example: lead,
});

export default resource("General", [testConnection, rawRequest]);

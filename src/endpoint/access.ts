/**
 * Access rules checked before any request: an endpoint or a parameter the API refuses with a
 * user's token (User Login, or an API key with Act as User) is refused here, naming the fix.
 */
import type { Connection } from "@prismatic-io/spectral";
import { readConnection } from "../auth";
import type { ProPipeLinesClient } from "../client";
import { InputError } from "../errors";
import { isEmpty } from "../validate";
import type { EndpointSpec, Values } from "./spec";

/** What to change on a connection that is not the API key itself ("" when it is). */
function apiKeyFix(connection: Connection): string {
  const settings = readConnection(connection);
  if (settings.kind !== "apiKey") return "choose an API Key connection";
  return settings.actAsUser ? "clear Act as User on this API Key connection" : "";
}

/**
 * The API key of a connection that is the API key itself; `what` needs it. Webhook calls are
 * refused with a user token, and deliveries are signed with the key.
 */
export function apiKeyOnly(connection: Connection, what: string): string {
  const fix = apiKeyFix(connection);
  if (fix) {
    throw new InputError(
      "Connection",
      `${what} needs the account's API key itself: Pro Pipe Lines refuses it with a user's token. To fix it, ${fix}.`,
    );
  }
  const settings = readConnection(connection);
  return settings.kind === "apiKey" ? settings.apiKey : "";
}

/** Refuses the endpoint, or a filled parameter, that the connection's kind cannot use. */
export function checkAccess(spec: EndpointSpec, values: Values): void {
  if (spec.access === "apiKey") apiKeyOnly(values.connection, spec.label);
  for (const [key, param] of Object.entries(spec.params ?? {})) {
    if (param.access !== "apiKey" || isEmpty(values[key])) continue;
    const fix = apiKeyFix(values.connection);
    if (fix) {
      throw new InputError(
        String(param.input.label),
        `only works with the account's API key itself (Pro Pipe Lines refuses it with a user's token). Leave it empty, or ${fix}.`,
      );
    }
  }
}

/**
 * Refuses an admin-only endpoint for a user known not to be an admin. The user token is fetched
 * first when needed (the request that follows needs it anyway); its answer says whether the user
 * is an admin, so a non-admin costs that one fetch at most, never the refused call.
 */
export async function checkAdmin(spec: EndpointSpec, client: ProPipeLinesClient): Promise<void> {
  if (spec.access !== "admin" || !client.session.usesToken) return;
  await client.session.authHeaders();
  if (client.session.knownIsAdmin() !== false) return;
  throw new InputError(
    "Connection",
    `${spec.label} needs an administrator, and the connection's user is not one. Use an admin user's login, or an API Key connection without Act as User.`,
  );
}

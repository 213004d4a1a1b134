/** Who may call what: the checks the resource modules share. */
import { notPrivileged, type RequestContext, userTokenRefused } from "../http";
import type { Store, User } from "../store";

/** The user a USER token belongs to; undefined for the API key. */
export function callerUser(store: Store, ctx: RequestContext): User | undefined {
  return ctx.caller.kind === "user" ? store.users.get(ctx.caller.userId ?? 0) : undefined;
}

/** Endpoints the document gives no USER token form refuse tokens with its 401. */
export function requireApiKey(ctx: RequestContext): void {
  if (ctx.caller.kind !== "apiKey") throw userTokenRefused();
}

/** A USER-token caller must be an admin of the account; the API key has admin rights. */
export function requireAdmin(store: Store, ctx: RequestContext): void {
  if (ctx.caller.kind === "apiKey") return;
  if (!callerUser(store, ctx)?.is_admin) throw notPrivileged();
}

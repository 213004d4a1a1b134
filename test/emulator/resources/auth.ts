/** Ping and auth: log as (API key only), login (Basic auth), logout. */
import { badValue, HttpError, missingParam } from "../http";
import type { Emulator } from "../server";
import type { User } from "../store";
import { requireApiKey } from "./access";

function session(user: User, token: string) {
  return {
    token,
    slug: "emulator",
    locale: user.locale,
    time_zone: user.time_zone,
    user_id: user.id,
    user_email: user.email,
    is_admin: user.is_admin,
    currency: { code: "USD", symbol: "$" },
  };
}

export function register(emu: Emulator): void {
  const { router, store } = emu;

  router.on("GET", "/ping", (ctx) => ({
    body: {
      status: 200,
      message:
        ctx.caller.kind === "apiKey" ? "Your API key is correct." : "Your USER token is correct.",
    },
  }));

  router.on("GET", "/auth/log_as", (ctx) => {
    requireApiKey(ctx);
    if (!ctx.query.user_id) throw missingParam("user_id");
    const user = store.findUser(ctx.query.user_id);
    if (!user || user.is_disabled) throw badValue("user_id");
    return { body: session(user, emu.issueToken(user.id)) };
  });

  router.on("GET", "/auth/login", (ctx) => {
    const header = ctx.headers.authorization ?? "";
    const decoded = header.startsWith("Basic ")
      ? Buffer.from(header.slice(6), "base64").toString("utf8")
      : "";
    const sep = decoded.indexOf(":");
    const user = sep > 0 ? store.findUser(decoded.slice(0, sep)) : undefined;
    if (!user || user.is_disabled || user.password !== decoded.slice(sep + 1)) {
      throw new HttpError(401, "Invalid login or password", "invalid_login");
    }
    return { body: session(user, emu.issueToken(user.id)) };
  });

  router.on("GET", "/auth/logout", (ctx) => {
    const token = ctx.headers["x-user-token"];
    if (ctx.caller.kind !== "user" || !token) return { status: 304 };
    emu.tokens.delete(token);
    return { status: 200 };
  });
}

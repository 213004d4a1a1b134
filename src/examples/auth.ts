/** Sessions: what Log In and Log In As User answer. */
import { userSummary } from "./users";

/** A user token with the user's settings (Log In, Log In As User). */
export const session = {
  token: "ITd-Jb3EC_nCXI2fez4hhg",
  slug: "THE_SLUG_OF_THE_ACCOUNT",
  locale: "en",
  time_zone: "America/Denver",
  user_id: userSummary.id,
  user_email: userSummary.email,
  is_admin: true,
  currency: { code: "USD", symbol: "$" },
};

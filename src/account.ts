import { InputError } from "./errors";

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;
const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/**
 * Turns the connection's *Account* value into the API base URL.
 *
 * Accepted: a slug (`acme`), or the account address (`https://acme.propipelines.com`, with or
 * without a trailing `/` or `/api/v2`). Plain `http://` is accepted only on this machine
 * (`127.0.0.1` / `localhost`) so the local emulator works. Anything else is refused before a
 * request is made, so the API key is never sent to a host that is not a Pro Pipe Lines account.
 */
export function apiBaseUrl(account: unknown): string {
  const value = typeof account === "string" ? account.trim() : "";
  const fix = "enter your account's slug (acme) or its address (https://acme.propipelines.com).";
  if (!value) throw new InputError("Account", `it is empty: ${fix}`);

  if (SLUG.test(value)) return `https://${value.toLowerCase()}.propipelines.com/api/v2`;

  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InputError("Account", `"${value}" is neither a slug nor an address: ${fix}`);
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new InputError(
      "Account",
      `the address may not carry credentials, a query or a fragment: ${fix}`,
    );
  }
  const path = url.pathname.replace(/\/+$/, "");
  if (path !== "" && path !== "/api/v2") {
    throw new InputError("Account", `the address may not have the path "${url.pathname}": ${fix}`);
  }

  if (LOOPBACK_HOSTS.has(url.hostname) && (url.protocol === "http:" || url.protocol === "https:")) {
    return `${url.protocol}//${url.host}/api/v2`;
  }
  const [slug, ...rest] = url.hostname.split(".");
  const isAccountHost = rest.join(".") === "propipelines.com" && SLUG.test(slug ?? "");
  if (!isAccountHost) {
    throw new InputError(
      "Account",
      `"${url.hostname}" is not a Pro Pipe Lines account address (SLUG.propipelines.com): ${fix}`,
    );
  }
  if (url.protocol !== "https:") {
    throw new InputError(
      "Account",
      `the address must use https:// (the API key would travel in clear): ${fix}`,
    );
  }
  if (url.port) {
    throw new InputError("Account", `the address may not name a port: ${fix}`);
  }
  return `https://${url.hostname}/api/v2`;
}

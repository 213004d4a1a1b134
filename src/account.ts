import { InputError } from "./errors";

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;
const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * Turns the connection's *Account* value into the API base URL.
 *
 * Accepted, in any letter case: a slug (`acme`), a host (`acme.propipelines.com`) or an address
 * (`https://acme.propipelines.com`), with anything after the host (a trailing `/`, `/api/v2`, or
 * the page the browser showed) ignored. The host must be `SLUG.propipelines.com` over https;
 * plain `http://` is accepted only on this machine (`127.0.0.1` / `localhost`) so the local
 * emulator works. Anything else is refused before a request is made, so credentials never go
 * to a host that is not a Pro Pipe Lines account. Messages never quote the whole value (it may
 * be a credential pasted in the wrong field); readConnection also redacts them.
 */
export function apiBaseUrl(account: unknown): string {
  const value = typeof account === "string" ? account.trim() : "";
  const fix = "enter your account's slug (acme) or its address (https://acme.propipelines.com).";
  if (!value) throw new InputError("Account", `it is empty: ${fix}`);

  if (SLUG.test(value)) return `https://${value.toLowerCase()}.propipelines.com/api/v2`;

  let url: URL;
  try {
    url = new URL(HAS_SCHEME.test(value) ? value : `https://${value}`);
  } catch {
    throw new InputError("Account", `the value is neither a slug nor an address: ${fix}`);
  }
  if (url.username || url.password) {
    throw new InputError("Account", `the address may not carry a user name or password: ${fix}`);
  }

  if (LOOPBACK_HOSTS.has(url.hostname) && (url.protocol === "http:" || url.protocol === "https:")) {
    return `${url.protocol}//${url.host}/api/v2`;
  }
  const [slug, ...rest] = url.hostname.split(".");
  const isAccountHost = rest.join(".") === "propipelines.com" && SLUG.test(slug ?? "");
  if (!isAccountHost) {
    // A host is quoted to help; a value without a dot is more likely a pasted secret.
    const shown = url.hostname.includes(".") ? `"${url.hostname}"` : "the value";
    throw new InputError(
      "Account",
      `${shown} is not a Pro Pipe Lines account address (SLUG.propipelines.com): ${fix}`,
    );
  }
  if (url.protocol !== "https:") {
    throw new InputError(
      "Account",
      `the address must use https:// (credentials would travel in clear): ${fix}`,
    );
  }
  if (url.port) {
    throw new InputError("Account", `the address may not name a port: ${fix}`);
  }
  return `https://${url.hostname}/api/v2`;
}

import { InputError } from "./errors";

/**
 * A path relative to /api/v2 for the Raw Request action. It may not leave /api/v2: no scheme or
 * host, no `.`/`..` segments (also percent-encoded), no query or fragment (use Query Parameters).
 * Braces are escaped so the path is never read as a template.
 */
export function toRawPath(label: string, value: unknown): string {
  const raw = typeof value === "string" ? value.trim() : "";
  if (!raw) throw new InputError(label, "enter a path such as /leads/8113.");
  const path = raw.startsWith("/") ? raw : `/${raw}`;
  if (/^\/\/|:\/\/|\\/.test(path) || /[?#]/.test(path)) {
    throw new InputError(
      label,
      `"${raw}" must be a path under /api/v2 such as /leads/8113, without a host, query or fragment (use Query Parameters).`,
    );
  }
  for (const segment of path.split("/").slice(1)) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      throw new InputError(label, `"${segment}" is not a valid path segment.`);
    }
    if (decoded === "." || decoded === ".." || decoded.includes("/") || decoded.includes("\\")) {
      throw new InputError(label, `"${raw}" may not leave /api/v2 (no "." or ".." segments).`);
    }
  }
  return path.replace(/\{/g, "%7B").replace(/\}/g, "%7D");
}

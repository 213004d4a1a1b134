/**
 * Keeping credentials out of messages. A `Redactor` knows one connection's secrets (API key,
 * password, the Basic value, the user tokens it used) and masks them, in the forms a server or a
 * proxy could echo them: as is, percent-encoded, JSON-escaped and base64-encoded, in any case.
 * `redactCredentialShapes` is the last line of defence for text from elsewhere: it masks values
 * written after a credential's name (`X-API-KEY: …`, `"password": "…"`).
 */

/** Header names whose values are credentials. */
export const SECRET_HEADERS = ["x-api-key", "x-user-token", "authorization", "cookie"];

const MASK = "[redacted]";

/** A credential's name, a separator, then a quoted value, or a bare one (after Basic/Bearer). */
const CREDENTIAL_SHAPE =
  /(x-api-key|x-user-token|api[_-]?key|authorization|password|token)(["']?\s*[:=]\s*)(?:"[^"]*"|'[^']*'|((?:basic|bearer)\s+)?[^\s"',;}&]+)/gi;

export function redactCredentialShapes(text: string): string {
  return text.replace(CREDENTIAL_SHAPE, (match, name: string, separator: string, scheme = "") => {
    const quote = match.slice(name.length + separator.length)[0];
    const quoted = quote === '"' || quote === "'" ? `${quote}${MASK}${quote}` : undefined;
    return `${name}${separator}${quoted ?? `${scheme}${MASK}`}`;
  });
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function formsOf(secret: string): string[] {
  return [
    secret,
    encodeURIComponent(secret),
    JSON.stringify(secret).slice(1, -1),
    Buffer.from(secret, "utf8").toString("base64"),
  ];
}

export class Redactor {
  private pattern: RegExp | undefined;
  private readonly forms = new Set<string>();

  /** Adds secrets (empty values are ignored). */
  add(...secrets: Array<string | undefined>): this {
    const before = this.forms.size;
    for (const secret of secrets) {
      if (!secret) continue;
      for (const form of formsOf(secret)) if (form) this.forms.add(form);
    }
    if (this.forms.size !== before) {
      // Longest first, so a secret containing another is masked whole.
      const sources = [...this.forms].sort((a, b) => b.length - a.length).map(escapeRegExp);
      this.pattern = new RegExp(sources.join("|"), "gi");
    }
    return this;
  }

  /** True when `text` holds one of the secrets. */
  holdsSecret(text: string): boolean {
    return this.pattern ? new RegExp(this.pattern.source, "i").test(text) : false;
  }

  redact(text: string): string {
    const masked = this.pattern ? text.replace(this.pattern, MASK) : text;
    return redactCredentialShapes(masked);
  }
}

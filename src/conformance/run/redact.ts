/** Replaces every secret in `text` with `[REDACTED]`. Secrets shorter than 4 characters are ignored. */
export function redactor(secrets: string[]): (text: string) => string {
  const list = [...new Set(secrets.filter((s) => s.length >= 4))].sort((a, b) => b.length - a.length);
  return (text) => list.reduce((out, secret) => out.split(secret).join('[REDACTED]'), text);
}

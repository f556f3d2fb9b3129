import { encodeComponent } from './percentEncode.js';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * `^…$` for an OpenAPI path template (`/v1/influencers/{influencerId}` →
 * `^/v1/influencers/([^/]+)$`): literal parts escaped, `{name}` matching one non-empty segment.
 * `paramNames` are in the order of the capture groups.
 */
export function templatePattern(template: string): { pattern: RegExp; paramNames: string[] } {
  const paramNames: string[] = [];
  const source = template
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const param = /^\{([^}]+)\}$/.exec(part);
      if (!param) return escapeRegExp(part);
      paramNames.push(param[1] as string);
      return '([^/]+)';
    })
    .join('');
  return { pattern: new RegExp(`^${source}$`), paramNames };
}

/** What a path carries as written (RFC 3986 §3.3: pchar, that is unreserved, sub-delims, `:` and `@`; and `/`). */
const PATH_TEXT = /[A-Za-z0-9\-._~!$&'()*+,;=:@/]/;

/**
 * The literal text of a path template as it travels in a URL: every character a path cannot
 * carry as is percent-encoded as UTF-8, `%` included (a path key is text, not a URL: Prism's own
 * `/test path > with | unsafe % characters` is requested as `/test%20path%20%3E…%25…`; left to
 * the URL parser, `|` stayed and `% c` became `%%20c`, which no server decodes).
 */
export function encodePathLiteral(text: string): string {
  let out = '';
  // A lone surrogate has no UTF-8: written as U+FFFD, as the URL parser writes it.
  for (const char of text) out += PATH_TEXT.test(char) ? char : encodeComponent(char);
  return out;
}

/** `template` with each `{name}` replaced by `value(name)` (already encoded) and its literal text encoded (encodePathLiteral). */
export function fillPathTemplate(template: string, value: (name: string) => string): string {
  return template
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const param = /^\{([^}]+)\}$/.exec(part);
      return param ? value(param[1] as string) : encodePathLiteral(part);
    })
    .join('');
}

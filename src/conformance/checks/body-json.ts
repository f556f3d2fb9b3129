import type { Check } from './check.js';

/**
 * A body documented as JSON is a JSON text as RFC 8259 sends one over a network: it parses, and
 * its bytes are UTF-8 (§8.1: "MUST be encoded using UTF-8"; a Latin-1 `é` or a stray byte is not,
 * and was read as U+FFFD and passed before). A byte order mark fails to parse (§8.1: "MUST NOT add").
 */
export const bodyJson: Check = {
  id: 'body-json',
  description: 'a JSON body parses and is UTF-8',
  appliesTo: (ctx) => ctx.json() !== undefined,
  run: (ctx) => {
    const body = ctx.json();
    if (body && 'error' in body) return [{ rule: 'body-json', message: 'the body is not valid JSON', actual: ctx.redact.excerpt(ctx.response.bodyText, 200) }];
    if (ctx.response.invalidUtf8) return [{ rule: 'body-json', message: 'the JSON body is not valid UTF-8 (RFC 8259 §8.1)', actual: ctx.redact.excerpt(ctx.response.bodyText, 200) }];
    return [];
  },
};

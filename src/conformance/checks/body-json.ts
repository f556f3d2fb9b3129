import type { Check } from './check.js';

/** A body documented as JSON parses as JSON. */
export const bodyJson: Check = {
  id: 'body-json',
  description: 'a JSON body parses',
  appliesTo: (ctx) => ctx.json() !== undefined,
  run: (ctx) => {
    const body = ctx.json();
    return body && 'error' in body ? [{ rule: 'body-json', message: 'the body is not valid JSON', actual: ctx.redact.excerpt(ctx.response.bodyText, 200) }] : [];
  },
};

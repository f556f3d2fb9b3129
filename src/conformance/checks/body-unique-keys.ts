import { escapeToken } from '../../openapi/jsonPointer.js';
import { repeatedMembers } from '../../openapi/repeatedMembers.js';
import { parsedBody, type Check } from './check.js';

/** The first member name that one object of the JSON text repeats, with that object's pointer. */
export function repeatedMember(text: string): { pointer: string; name: string } | undefined {
  const first = repeatedMembers(text, 1)[0];
  return first && { pointer: first.path.map((t) => '/' + escapeToken(t)).join(''), name: first.name };
}

/**
 * The names within each object of a JSON body are unique (RFC 8259 §4: they SHOULD be; with a
 * repeated name, receivers see the last, the first, or an error). The schema is checked on the
 * value JSON.parse keeps, the last one: a body `{"done":"no","done":false}` passed it.
 */
export const bodyUniqueKeys: Check = {
  id: 'body-unique-keys',
  description: 'no object of a JSON body repeats a member name',
  appliesTo: (ctx) => parsedBody(ctx) !== undefined,
  run: (ctx) => {
    const repeated = repeatedMember(ctx.response.bodyText);
    if (!repeated) return [];
    return [{
      rule: 'body-unique-keys',
      message: `body${repeated.pointer} has the member '${ctx.redact(repeated.name)}' more than once`,
      instancePath: repeated.pointer || '/',
      expected: 'unique member names in every object (RFC 8259 §4)',
    }];
  },
};

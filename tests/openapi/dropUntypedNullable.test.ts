// A 3.1 document's leftover `nullable` without `type`: dropped (ajv cannot compile it; 2020-12 ignores it), nothing else touched.
import { describe, expect, it } from 'vitest';
import { dropUntypedNullable } from '../../src/openapi/dropUntypedNullable.js';

describe('dropUntypedNullable', () => {
  it('drops a boolean nullable that has no type beside it, and keeps one beside a type and a property named nullable', () => {
    const doc = {
      components: {
        schemas: {
          Session: { nullable: true, anyOf: [{ type: 'string' }, { type: 'integer' }] },
          Name: { type: 'string', nullable: true },
          Flags: { type: 'object', properties: { nullable: { type: 'boolean' } }, example: { nullable: true } },
        },
      },
    };
    const out = dropUntypedNullable(doc);
    expect(out.components.schemas.Session).toEqual({ anyOf: [{ type: 'string' }, { type: 'integer' }] });
    expect(out.components.schemas.Name).toEqual({ type: 'string', nullable: true });
    expect(out.components.schemas.Flags).toEqual(doc.components.schemas.Flags);
    expect(doc.components.schemas.Session.nullable).toBe(true); // the input is not modified
  });

  it('returns the same object when there is nothing to drop', () => {
    const doc = { components: { schemas: { Name: { type: 'string', nullable: true } } } };
    expect(dropUntypedNullable(doc)).toBe(doc);
  });
});

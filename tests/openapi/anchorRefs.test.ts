// `$ref: '#name'` naming an `$anchor`: rewritten to the pointer of the schema declaring it, only in
// the document's own resource and only for a name declared once.
import { describe, expect, it } from 'vitest';
import { anchorRefsAsPointers } from '../../src/openapi/anchorRefs.js';

describe('anchorRefsAsPointers', () => {
  it('rewrites a $ref to an anchor declared once, and leaves one under a nested $id, a twice-declared name and data as written', () => {
    const doc = {
      components: {
        schemas: {
          Label: { $anchor: 'label', type: 'string' },
          Twice: { anyOf: [{ $anchor: 'dup' }, { $anchor: 'dup' }] },
          Use: { properties: { a: { $ref: '#label' }, b: { $ref: '#dup' } }, example: { $ref: '#label' } },
          Own: { $id: 'https://example.com/own', $defs: { x: { $anchor: 'label' } }, properties: { c: { $ref: '#label' } } },
        },
      },
    };
    const out = anchorRefsAsPointers(doc);
    expect(out.components.schemas.Use.properties.a).toEqual({ $ref: '#/components/schemas/Label' });
    expect(out.components.schemas.Use.properties.b).toEqual({ $ref: '#dup' });
    expect(out.components.schemas.Use.example).toEqual({ $ref: '#label' });
    expect(out.components.schemas.Own.properties.c).toEqual({ $ref: '#label' });
    expect(doc.components.schemas.Use.properties.a).toEqual({ $ref: '#label' }); // the input is not modified
  });

  it('returns the same object when no $ref names an anchor', () => {
    const doc = { components: { schemas: { Label: { $anchor: 'label' }, Use: { $ref: '#/components/schemas/Label' } } } };
    expect(anchorRefsAsPointers(doc)).toBe(doc);
  });
});

// `$ref`s naming a schema of the document by its `$id`: rewritten in place to pointers, relative to
// the resource they stand in; others left as written.
import { describe, expect, it } from 'vitest';
import { idRefsAsPointers } from '../../src/openapi/idRefs.js';

describe('idRefsAsPointers', () => {
  it('rewrites refs to an $id (with a pointer or anchor fragment) from the document, relative ones inside that resource, and leaves the rest', () => {
    const doc = {
      paths: { '/a': { schema: { $ref: 'https://x.test/person' } }, '/b': { schema: { $ref: 'https://x.test/person#/properties/name' } }, '/c': { schema: { $ref: 'https://x.test/person#nick' } } },
      components: {
        schemas: {
          Person: { $id: 'https://x.test/person', properties: { name: { type: 'string' }, nick: { $anchor: 'nick' }, self: { $ref: 'https://x.test/person' }, other: { $ref: 'https://x.test/pet' } } },
          Pet: { $id: 'https://x.test/pet#', example: { $ref: 'https://x.test/person' } },
          Elsewhere: { $ref: 'https://x.test/unknown' },
        },
      },
    };
    expect(idRefsAsPointers(doc)).toBe(4);
    expect(doc.paths['/a'].schema.$ref).toBe('#/components/schemas/Person');
    expect(doc.paths['/b'].schema.$ref).toBe('#/components/schemas/Person/properties/name');
    expect(doc.paths['/c'].schema.$ref).toBe('#/components/schemas/Person/properties/nick');
    expect(doc.components.schemas.Person.properties.self.$ref).toBe('#');
    expect(doc.components.schemas.Person.properties.other.$ref).toBe('https://x.test/pet'); // from one resource into another: no local form
    expect(doc.components.schemas.Pet.example.$ref).toBe('https://x.test/person'); // data
    expect(doc.components.schemas.Elsewhere.$ref).toBe('https://x.test/unknown');
  });
});

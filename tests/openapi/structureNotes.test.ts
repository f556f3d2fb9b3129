// Parts of a document of the wrong type for OpenAPI are named, pointer and all: the suite reads
// them as absent, and a run that quietly tested less (or nothing: `paths` as a list) said only
// "no cases".
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAnyDocument } from '../../src/openapi/loadAnyDocument.js';
import { MAX_STRUCTURE_NOTES } from '../../src/openapi/structureNotes.js';

const info = { title: 'structure', version: '1' };
const ok = { '200': { description: 'ok' } };

describe('notes on the parts of a document of the wrong type', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'structure-notes-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  async function notesOf(name: string, document: object): Promise<string[]> {
    const file = join(dir, `${name}.json`);
    await writeFile(file, JSON.stringify(document));
    const notes: string[] = [];
    await loadAnyDocument(file, undefined, { notes });
    return notes;
  }

  it('names a paths that is a list, an operation that is a string, and parameters given as a map', async () => {
    expect(await notesOf('paths', { openapi: '3.1.0', info, paths: [] })).toEqual(["the document's #/paths is an array, where OpenAPI expects an object (Paths): the suite cannot use it as written"]);
    expect(await notesOf('operation', { openapi: '3.0.3', info, paths: { '/a': { get: 'list them' } } })).toEqual([
      "the document's #/paths/~1a/get is a string, where OpenAPI expects an object (Operation): the suite cannot use it as written",
    ]);
    expect(await notesOf('parameters', { openapi: '3.1.0', info, paths: { '/a': { get: { parameters: { q: { in: 'query' } }, responses: ok } } } })).toEqual([
      "the document's #/paths/~1a/get/parameters is an object, where OpenAPI expects an array (ParameterList): the suite cannot use it as written",
    ]);
  });

  it('names a scalar of the wrong type: required: "true"', async () => {
    const notes = await notesOf('scalar', { openapi: '3.1.0', info, paths: { '/a': { get: { parameters: [{ name: 'q', in: 'query', required: 'true', schema: { type: 'string' } }], responses: ok } } } });
    expect(notes).toEqual(["the document's #/paths/~1a/get/parameters/0/required is a string, where OpenAPI expects a boolean: the suite cannot use it as written"]);
  });

  it('says nothing of what changes nothing the suite reads: a response without description, an unknown field, nullable without type, a wrong type in prose or tags', async () => {
    const notes = await notesOf('quiet', {
      openapi: '3.0.3',
      info,
      tags: [{ name: 't', externalDocs: { url: 'https://example.com', description: null } }],
      paths: { '/a': { get: { summary: 7, whatever: 1, responses: { '200': { content: { 'application/json': { schema: { nullable: true } } } } } } } },
    });
    expect(notes).toEqual([]);
  });

  it('says nothing of what the loader repairs: a 3.1 document\'s boolean exclusiveMinimum (OpenAI\'s)', async () => {
    const schema = { type: 'number', minimum: 0, exclusiveMinimum: true };
    expect(await notesOf('repaired', { openapi: '3.1.0', info, paths: { '/a': { get: { parameters: [{ name: 'n', in: 'query', schema }], responses: ok } } } })).toEqual([]);
  });

  it('names a wrong type under a property or component that is named description or summary', async () => {
    const notes = await notesOf('named', {
      openapi: '3.1.0',
      info,
      paths: { '/a': { get: { parameters: [{ $ref: '#/components/parameters/description' }], responses: ok } } },
      components: { parameters: { description: { name: 'd', in: 'query', required: 'true', schema: { type: 'string' } } } },
    });
    expect(notes).toEqual(["the document's #/components/parameters/description/required is a string, where OpenAPI expects a boolean: the suite cannot use it as written"]);
  });

  it(`lists at most ${MAX_STRUCTURE_NOTES}, then how many more`, async () => {
    const paths = Object.fromEntries(Array.from({ length: MAX_STRUCTURE_NOTES + 3 }, (_, i) => [`/p${i}`, { get: i }]));
    const notes = await notesOf('many', { openapi: '3.1.0', info, paths });
    expect(notes).toHaveLength(MAX_STRUCTURE_NOTES + 1);
    expect(notes.at(-1)).toBe('… and 3 more parts of the document of the wrong type, not listed');
  });
});

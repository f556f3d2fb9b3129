// A 3.0 `nullable` read as its authors and their tools read it: "this value may be null", also
// where another allOf member describes the same value without saying so (OpenAI's
// `top_logprobs: null`: one member of a request's allOf says `nullable: true`, the shared
// properties it extends do not), where a bare `{ nullable: true }` member sits beside a `$ref`,
// and where more than one oneOf branch is nullable (null would match two branches). Every other
// constraint stays. A 3.1 document's own `type: [..., 'null']` keeps JSON Schema's conjunction.
import { describe, expect, it } from 'vitest';
import { foreignApi, json } from '../conformance/cases/foreignDocument.js';

async function validatorFor(version: string, body: unknown, schemas: Record<string, unknown> = {}) {
  const api = await foreignApi({
    openapi: version,
    components: { schemas },
    paths: { '/x': { post: { requestBody: { content: json(body) }, responses: { '200': { description: 'ok' } } } } },
  });
  const op = api.operations[0]!;
  const pointer = op.schemaPointer('request', 'application/json') as string;
  return (value: unknown) => api.validator.validate(pointer, value).length === 0;
}

const base = { type: 'object', properties: { top_logprobs: { type: 'integer', minimum: 0, maximum: 20 } } };
const extending = (nullable: Record<string, unknown>) => ({ allOf: [{ $ref: '#/components/schemas/Base' }, { type: 'object', properties: { top_logprobs: { type: 'integer', minimum: 0, ...nullable } } }] });

describe('nullable across allOf, oneOf and $ref', () => {
  it('3.0: a property nullable in one allOf member admits null, every other constraint kept', async () => {
    const valid = await validatorFor('3.0.3', extending({ nullable: true }), { Base: base });
    expect(valid({ top_logprobs: null })).toBe(true);
    expect(valid({ top_logprobs: 3 })).toBe(true);
    expect(valid({ top_logprobs: 30 })).toBe(false);
    expect(valid({ top_logprobs: 'x' })).toBe(false);
  });

  it('3.0: also when the other member declares it deeper, through its own allOf', async () => {
    const valid = await validatorFor('3.0.3', extending({ nullable: true }), { Base: { allOf: [{ $ref: '#/components/schemas/Deeper' }] }, Deeper: base });
    expect(valid({ top_logprobs: null })).toBe(true);
    expect(valid({ top_logprobs: 21 })).toBe(false);
  });

  it('3.1 with a leftover nullable: the same reading', async () => {
    const valid = await validatorFor('3.1.0', extending({ nullable: true }), { Base: base });
    expect(valid({ top_logprobs: null })).toBe(true);
    expect(valid({ top_logprobs: 30 })).toBe(false);
  });

  it("3.1's own null type keeps allOf's conjunction", async () => {
    const valid = await validatorFor('3.1.0', { allOf: [{ $ref: '#/components/schemas/Base' }, { type: 'object', properties: { top_logprobs: { type: ['integer', 'null'] } } }] }, { Base: base });
    expect(valid({ top_logprobs: null })).toBe(false);
  });

  it('3.0: a bare nullable member beside a $ref makes the whole value nullable', async () => {
    const valid = await validatorFor('3.0.3', { type: 'object', properties: { p: { allOf: [{ $ref: '#/components/schemas/Base' }, { nullable: true }] } } }, { Base: base });
    expect(valid({ p: null })).toBe(true);
    expect(valid({ p: { top_logprobs: 30 } })).toBe(false);
  });

  it('3.0: null is one value, not two, when several oneOf branches are nullable', async () => {
    const valid = await validatorFor('3.0.3', { oneOf: [{ type: 'string', nullable: true }, { type: 'integer', nullable: true }] });
    expect(valid(null)).toBe(true);
    expect(valid('a')).toBe(true);
    expect(valid(true)).toBe(false);
  });
});

/**
 * openapi-sampler, kept from writing to the suite's stderr. Its `quiet` option silences most of
 * its warnings but not one: an `allOf` of schemas of different types (`allOf: [string, integer]`,
 * ReadMe's quirks example) prints "allOf: schemas with different types can't be merged" on every
 * sample, an unexplained line among the suite's own. The sample is built synchronously, so
 * `console.warn` is silenced for exactly that call.
 */
import * as sampler from 'openapi-sampler';
import { oversizedMinimum, type OversizedMinimum } from './oversizedMinimum.js';

/** The most characters, items or properties a lower bound may ask of a sample (as many as the suite builds for a broken value). */
export const MAX_SAMPLED_SIZE = 1_000_000;

/** The bound `found` in words, without its pointer: `minItems 200,000,000 asks for more than …`. */
export const oversizedInWords = (found: OversizedMinimum): string =>
  `${found.keyword} ${found.bound.toLocaleString('en-US')} asks for more than the ${MAX_SAMPLED_SIZE.toLocaleString('en-US')} characters, items or properties the suite builds`;

/** A schema whose sample would be larger than MAX_SAMPLED_SIZE: not sampled (the process could run out of memory and abort). */
export class SampleTooLarge extends Error {
  constructor(readonly found: OversizedMinimum) {
    super(`${oversizedInWords(found)} (${found.pointer})`);
    this.name = 'SampleTooLarge';
  }
}

/** A sample of `schema` (found at `pointer`, for the error's words); throws SampleTooLarge rather than build one past MAX_SAMPLED_SIZE. */
export function sampleQuietly(schema: unknown, options: Record<string, unknown>, doc: unknown, pointer = '#'): unknown {
  const oversized = oversizedMinimum(doc, schema, pointer, MAX_SAMPLED_SIZE);
  if (oversized) throw new SampleTooLarge(oversized);
  const warn = console.warn;
  console.warn = () => {};
  try {
    return sampler.sample(schema as never, { ...options, quiet: true } as never, doc as never);
  } finally {
    console.warn = warn;
  }
}

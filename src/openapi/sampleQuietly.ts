/**
 * openapi-sampler, kept from writing to the suite's stderr. Its `quiet` option silences most of
 * its warnings but not one: an `allOf` of schemas of different types (`allOf: [string, integer]`,
 * ReadMe's quirks example) prints "allOf: schemas with different types can't be merged" on every
 * sample, an unexplained line among the suite's own. The sample is built synchronously, so
 * `console.warn` is silenced for exactly that call.
 */
import * as sampler from 'openapi-sampler';

export function sampleQuietly(schema: unknown, options: Record<string, unknown>, doc: unknown): unknown {
  const warn = console.warn;
  console.warn = () => {};
  try {
    return sampler.sample(schema as never, { ...options, quiet: true } as never, doc as never);
  } finally {
    console.warn = warn;
  }
}

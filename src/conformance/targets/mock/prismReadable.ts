/**
 * Whether Prism can read a document in reasonable time. Prism dereferences the document and
 * walks the result as a tree (`getHttpOperationsFromSpec`: json-schema-ref-parser, then
 * `decycle`), so its start-up grows with the document's size once its `$ref`s are expanded, which
 * schemas shared along many paths multiply. Measured here: 2.5 × 10^8 nodes (a chain of 24
 * doubling schemas) took its dereferencing 58 s; Stripe's spec3 of 2022 (417 operations) is
 * 6.7 × 10^9 nodes and had not started after ten minutes; the public corpus is at most 2 × 10^6
 * (Discord). Past READABLE_NODES the mock is not started at all: the run stops at once, saying
 * why, instead of waiting out --mock-start-timeout.
 */
import { SuiteSetupError } from '../../failClosed.js';
import { refExpandedSize } from '../../../openapi/refExpandedSize.js';

/** About four minutes of Prism's dereferencing here, twice the default start limit of a --spec document. */
export const READABLE_NODES = 1_000_000_000;

/** Throws a one-line SuiteSetupError when the copy Prism is to read (`prismCopy`) expands past READABLE_NODES. */
export function assertPrismCanRead(prismCopy: unknown, name: string, limit = READABLE_NODES): void {
  let size: number;
  try {
    size = refExpandedSize(prismCopy, limit);
  } catch {
    return; // too deep to measure here: Prism's own start limit still applies
  }
  if (size <= limit) return;
  throw new SuiteSetupError(
    `mock target: Prism cannot read ${name} in reasonable time: with its $refs expanded through the schemas it shares, the document has over ${limit.toLocaleString('en-US')} nodes, and Prism dereferences and walks every one before it answers (Stripe's spec3 did not start in ten minutes); check it against a live server with --target ${name}=<url>`,
  );
}

/**
 * One case per documented status and named example of every operation: the response the document
 * promises for it. Only a mock can be asked for a given response, so the mock target adapter
 * derives these.
 */
import type { LoadedApi } from '../../core/loadApi.js';
import type { TestCase } from '../model.js';
import { buildValidRequest } from './buildValidRequest.js';
import { makeCase } from './caseFactory.js';
import { requestBodies } from './requestBodies.js';

export function deriveDocumentedResponses(api: LoadedApi): TestCase[] {
  return api.operations.flatMap((op) => {
    const [, firstBody] = requestBodies(op)[0] ?? [];
    return op.statuses().flatMap((status) => {
      const examples = Object.entries(op.namedExamples(status));
      const variants: [string | undefined, unknown][] = examples.length > 0 ? examples : [[undefined, undefined]];
      return variants.map(([name, example]) =>
        makeCase(api.name, op, {
          idSuffix: `documented ${status}${name ? ` ${name}` : ''}`,
          kind: 'documented-response',
          title: `documented ${status}${name ? ` (example '${name}')` : ''}`,
          request: buildValidRequest(api.doc, op, { body: firstBody }),
          expect: { statuses: [status], documented: { status, ...(name ? { exampleName: name, example } : {}) } },
        }),
      );
    });
  });
}

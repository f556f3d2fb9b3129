/**
 * One case per documented status and named example of every operation: the response the document
 * promises for it. Only a mock can be asked for a given response, so the mock target adapter
 * derives these. An operation that cannot be tested is reported once, by deriveCases; here it has
 * no documented-response cases (this project's documents still stop the run).
 */
import type { LoadedApi } from '../../core/loadApi.js';
import { holdsDanglingRef } from '../../openapi/danglingRef.js';
import { isObject } from '../../openapi/jsonPointer.js';
import { chooseAccept, isJsonMediaType } from '../../openapi/mediaTypes.js';
import type { Operation } from '../../openapi/operations.js';
import type { TestCase } from '../model.js';
import { buildValidRequest } from './buildValidRequest.js';
import { makeCase } from './caseFactory.js';
import { planOperation } from './operationPlan.js';
import { unreceivableStatus } from './unreceivableStatus.js';

/** The content keys a response documents, JSON first. */
function contentKeys(op: Operation, status: string): string[] {
  const content = op.response(status)?.value.content;
  return isObject(content) ? Object.keys(content) : [];
}

function operationCases(api: LoadedApi, op: Operation): TestCase[] {
  const plan = planOperation(api, op);
  const [, firstBody] = plan.bodies[0] ?? [];
  return op.statuses().flatMap((status) => {
    const unreceivable = unreceivableStatus(status);
    if (unreceivable) {
      return [makeCase(api.name, op, {
        idSuffix: `documented ${status}`,
        kind: 'documented-response',
        title: `documented ${status}`,
        request: buildValidRequest(api, op, { body: firstBody }),
        expect: { statuses: [status] },
        preflight: { outcome: 'skipped', reason: unreceivable, pointer: `${op.pointer}/responses/${status}` },
      })];
    }
    const keys = contentKeys(op, status);
    const accept = keys.length > 0 ? chooseAccept(keys) : undefined;
    const mediaType = accept && keys.includes(accept) ? accept : 'application/json';
    const examples = Object.entries(isJsonMediaType(mediaType) ? op.namedExamples(status, mediaType) : {});
    const variants: [string | undefined, unknown][] = examples.length > 0 ? examples : [[undefined, undefined]];
    return variants.map(([name, example]) => {
      const request = buildValidRequest(api, op, { body: firstBody });
      if (accept && api.mode === 'foreign') request.headers.Accept = accept;
      // An example holding a `$ref` to outside the document is left out of Prism's copy (documentForPrism.ts).
      const unservable = name !== undefined && api.mode === 'foreign' && holdsDanglingRef(api.doc, example);
      return makeCase(api.name, op, {
        idSuffix: `documented ${status}${name ? ` ${name}` : ''}`,
        kind: 'documented-response',
        title: `documented ${status}${name ? ` (example '${name}')` : ''}`,
        request,
        expect: { statuses: [status], documented: { status, ...(name ? { exampleName: name, example } : {}) } },
        ...(unservable ? { preflight: { outcome: 'skipped' as const, reason: `example '${name}' holds a $ref to outside the document, which Prism would fetch: it is left out of the mock's copy, so the mock cannot answer it`, pointer: `${op.pointer}/responses/${status}` } } : {}),
      });
    });
  });
}

export function deriveDocumentedResponses(api: LoadedApi): TestCase[] {
  return api.operations.flatMap((op) => {
    if (api.mode !== 'foreign') return operationCases(api, op);
    if (api.issues?.has(op.pointer)) return [];
    try {
      return operationCases(api, op);
    } catch {
      return []; // deriveCases reports why the operation cannot be tested
    }
  });
}

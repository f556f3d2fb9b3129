import type { Operation } from '../../openapi/operations.js';
import type { TestCase } from '../model.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A case of `api` about `operation`: the id is `<api> <operationId> <idSuffix>`. */
export function makeCase(api: string, operation: Operation, fields: Omit<TestCase, 'api' | 'operation' | 'writes' | 'id'> & { idSuffix: string }): TestCase {
  const { idSuffix, ...rest } = fields;
  return {
    id: `${api} ${operation.operationId} ${idSuffix}`,
    api,
    operation,
    writes: !SAFE_METHODS.has(operation.method.toUpperCase()),
    ...rest,
  };
}

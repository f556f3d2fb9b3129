import { join } from 'node:path';
import { loadDocument, type OpenApiDocument } from '../../src/openapi/loadDocument.js';
import { getOperation, type HttpMethod, type Operation } from '../../src/openapi/operations.js';
import { createSchemaValidator, type SchemaValidator } from '../../src/openapi/schemaValidator.js';
import { projectRoot } from './runCommand.js';

export interface Contract {
  doc: OpenApiDocument;
  validator: SchemaValidator;
  operation(method: HttpMethod, path: string): Operation;
  /** Whether `value` validates against the schema at `schemaPointer`. */
  accepts(schemaPointer: string | undefined, value: unknown): boolean;
}

/** The committed bundled document of one API, with a validator over it. */
export async function openContract(api: 'layers' | 'ayrshare' | 'hoko'): Promise<Contract> {
  const doc = await loadDocument(join(projectRoot, 'generated', api, 'openapi.json'));
  const validator = createSchemaValidator(doc);
  return {
    doc,
    validator,
    operation: (method, path) => getOperation(doc, method, path),
    accepts(schemaPointer, value) {
      if (!schemaPointer) throw new Error('accepts: no schema pointer (the document lost a schema?)');
      return validator.validate(schemaPointer, value).length === 0;
    },
  };
}

export const UUID = '4a8e1bc2-5d3f-4b6a-9c7e-1f2a3b4c5d6e';

/** One API of this project's registry, loaded as the suite and the sandbox load it. */
export async function loadRegisteredApi(name: string) {
  const { loadRegistry } = await import('../../src/core/registry.js');
  const { loadApi } = await import('../../src/core/loadApi.js');
  return loadApi(loadRegistry(join(projectRoot, 'generated')), name);
}

// Every public document of tests/fixtures/corpus/ (see its README.md) loads, upgrades to 3.1 and
// has every schema of every operation compiled by the foreign-mode ajv: no crash, and every
// schema that can't be compiled is in ALLOWED_COMPILE_FAILURES with the reason.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createAjv, type AjvWarning } from '../../src/openapi/createAjv.js';
import { childPointer, isObject } from '../../src/openapi/jsonPointer.js';
import { loadAnyDocument } from '../../src/openapi/loadAnyDocument.js';
import type { OpenApiDocument } from '../../src/openapi/loadDocument.js';
import { listOperations, type Located } from '../../src/openapi/operations.js';
import { createSchemaValidator, SchemaCompileError } from '../../src/openapi/schemaValidator.js';

/** Corpus entries: folder name → root file inside it, and the operation count README.md states. */
const CORPUS: Record<string, { root: string; operations: number }> = {
  'oai-petstore': { root: 'openapi.yaml', operations: 3 },
  'oai-petstore-expanded': { root: 'openapi.yaml', operations: 4 },
  'oai-uspto': { root: 'openapi.yaml', operations: 3 },
  'oai-api-with-examples': { root: 'openapi.yaml', operations: 2 },
  'oai-link-example': { root: 'openapi.yaml', operations: 6 },
  'oai-callback-example': { root: 'openapi.yaml', operations: 1 },
  'oai-webhook-example': { root: 'openapi.yaml', operations: 0 },
  'oai-non-oauth-scopes': { root: 'openapi.yaml', operations: 1 },
  'redocly-museum': { root: 'openapi.yaml', operations: 8 },
  'redocly-openapi-starter': { root: 'openapi/openapi.yaml', operations: 12 },
  'twilio-api-v2010': { root: 'openapi.json', operations: 197 },
  box: { root: 'openapi.json', operations: 296 },
  digitalocean: { root: 'specification/DigitalOcean-public.v2.yaml', operations: 659 },
  discord: { root: 'openapi.json', operations: 242 },
  'ory-kratos': { root: 'api.json', operations: 60 },
  'xero-files': { root: 'xero_files.yaml', operations: 18 },
  'xero-accounting': { root: 'xero_accounting.yaml', operations: 235 },
  'sendgrid-suppressions': { root: 'tsg_suppressions_v3.json', operations: 33 },
  'redoc-demo-31': { root: 'openapi.yaml', operations: 23 },
  'influxdb-v1-compat': { root: 'swaggerV1Compat.yml', operations: 2 },
  'vonage-dispatch': { root: 'dispatch.yml', operations: 1 },
  'vonage-application-v2': { root: 'application.v2.yml', operations: 5 },
  'vonage-conversion': { root: 'conversion.yml', operations: 2 },
  'kin-openapi-issue409': { root: 'issue409.yml', operations: 1 },
  'openapi-typescript-simple-example': { root: 'simple-example.yaml', operations: 6 },
  'heyapi-security-open-id-connect': { root: 'security-open-id-connect.yaml', operations: 1 },
};

/** `<corpus name> <schema pointer>` → why that schema genuinely can't be compiled. */
const ALLOWED_COMPILE_FAILURES: Record<string, string> = {
  'discord #/paths/~1guilds~1{guild_id}~1requests/get/parameters/0/schema':
    'the status parameter says `enum: []` beside its allOf: no value is allowed, so the operation cannot be called validly (JSON Schema says the array SHOULD have an element; ajv requires one)',
  'discord #/paths/~1guilds~1{guild_id}~1requests~1{request_id}/patch/requestBody/content/application~1json/schema':
    'the action property says `enum: []` beside its allOf: no body is valid (the same defect as the status parameter)',
};

function corpusFile(name: string, root: string): string {
  return fileURLToPath(new URL(`../fixtures/corpus/${name}/${root}`, import.meta.url));
}

/** Pointers of every schema an operation uses: parameters, request body, responses and their headers. */
function operationSchemaPointers(doc: OpenApiDocument): string[] {
  const found = new Set<string>();
  const addContent = (holder: Located) => {
    if (isObject(holder.value.schema)) found.add(childPointer(holder.pointer, 'schema'));
    const content = holder.value.content;
    if (!isObject(content)) return;
    for (const [type, media] of Object.entries(content)) {
      if (isObject(media) && media.schema !== undefined) found.add(childPointer(holder.pointer, 'content', type, 'schema'));
    }
  };
  for (const operation of listOperations(doc)) {
    operation.parameters().forEach(addContent);
    const body = operation.requestBody();
    if (body) addContent(body);
    for (const status of operation.statuses()) {
      const response = operation.response(status);
      if (response) addContent(response);
      Object.values(operation.responseHeaders(status)).forEach(addContent);
    }
  }
  return [...found];
}

describe('public corpus', () => {
  for (const [name, { root, operations }] of Object.entries(CORPUS)) {
    it(`${name}: loads as 3.1 and compiles every operation schema`, async () => {
      const doc = await loadAnyDocument(corpusFile(name, root));
      expect(doc.openapi).toMatch(/^3\.1\./);
      expect(listOperations(doc)).toHaveLength(operations);
      const warnings: AjvWarning[] = [];
      const validator = createSchemaValidator(doc, createAjv(doc, { mode: 'foreign', onWarning: (w) => warnings.push(w) }));
      const failures: Record<string, string> = {};
      for (const pointer of operationSchemaPointers(doc)) {
        try {
          validator.compile(pointer);
        } catch (error) {
          expect(error, `${name} ${pointer}: ${(error as Error).message}`).toBeInstanceOf(SchemaCompileError);
          failures[`${name} ${pointer}`] = `${(error as SchemaCompileError).pointer}: ${(error as Error).message}`;
        }
      }
      const allowed = Object.fromEntries(Object.entries(ALLOWED_COMPILE_FAILURES).filter(([key]) => key.startsWith(`${name} `)));
      expect(Object.keys(failures).sort(), JSON.stringify(failures, null, 2)).toEqual(Object.keys(allowed).sort());
    }, 60_000);
  }
});

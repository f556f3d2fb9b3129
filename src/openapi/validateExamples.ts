import { collectExamples, type ExampleIssue } from './collectExamples.js';
import { getAtPointer } from './jsonPointer.js';
import type { OpenApiDocument } from './loadDocument.js';
import { createSchemaValidator, type SchemaError, type SchemaValidator } from './schemaValidator.js';
import { foreignDialect } from './schemaDialect.js';

/** An example that does not match its schema (`invalid`) or can't be checked (an `ExampleIssue`). */
export interface ExampleProblem {
  kind: 'invalid' | ExampleIssue;
  /** Display name of the example. */
  name: string;
  /** Places of use, see `CollectedExample.usedAt`. */
  usedAt: string[];
  /** Where the example value lives (for `external-value` and `missing-value`, the Example Object). */
  pointer: string;
  schemaPointer?: string;
  /** One line for people: the example, the schema and every error. */
  message: string;
  /** ajv's errors, for `invalid`; empty otherwise. */
  errors: SchemaError[];
}

const ISSUE_TEXT: Record<ExampleIssue, string> = {
  'missing-schema': 'has no schema to validate it against',
  'external-value': 'uses externalValue, which is not supported',
  'missing-value': 'has neither value nor externalValue',
};

/**
 * Checks every example of `doc` (see `collectExamples`) against its schema; `[]` means all good.
 * Throws when the document itself is broken: a `$ref` that does not resolve, or a schema ajv can't
 * compile (unknown keyword or format, invalid schema).
 */
export function validateExamples(doc: OpenApiDocument, validator: SchemaValidator = createSchemaValidator(doc)): ExampleProblem[] {
  const problems: ExampleProblem[] = [];
  for (const example of collectExamples(doc)) {
    const { name, usedAt, pointer, schemaPointer } = example;
    const where = `${name} (${usedAt[0]}${pointer === usedAt[0] ? '' : ` → ${pointer}`})`;
    if (example.issue !== undefined) {
      const external = example.externalValue === undefined ? '' : ` (${example.externalValue})`;
      problems.push({ kind: example.issue, name, usedAt, pointer, schemaPointer, errors: [], message: `${where} ${ISSUE_TEXT[example.issue]}${external}` });
      continue;
    }
    if (schemaPointer === undefined) continue; // not reached: collectExamples flags these as missing-schema
    if (foreignDialect(doc, schemaPointer) !== undefined) continue; // written in another JSON Schema dialect (draft-06…): not read by 2020-12's rules
    const errors = validator.validate(schemaPointer, getAtPointer(doc, pointer));
    if (errors.length === 0) continue;
    const details = errors.map(describeError).join('; ');
    problems.push({ kind: 'invalid', name, usedAt, pointer, schemaPointer, errors, message: `${where} does not match ${schemaPointer}: ${details}` });
  }
  return problems;
}

function describeError(error: SchemaError): string {
  const extra = error.params.additionalProperty ?? error.params.propertyName;
  return `${error.instancePath || '(root)'} ${error.message}${typeof extra === 'string' ? ` "${extra}"` : ''}`;
}

/**
 * Request validation against the operation's own schemas in the bundled document: path, query and
 * header parameters (query strings coerced to the number or boolean their schema declares), and
 * the JSON body. The rules and their error statuses differ per API, so this only reports issues;
 * each API's handler decides what to answer and when.
 */
import { isObject, resolveRef } from '../../openapi/jsonPointer.js';
import type { OpenApiDocument } from '../../openapi/loadDocument.js';
import type { Operation } from '../../openapi/operations.js';
import type { SchemaValidator } from '../../openapi/schemaValidator.js';
import { coerceParameter } from '../../core/coerceParameter.js';
import { nestingDepth } from '../../openapi/nestingDepth.js';
import { headerValue, type RawBody, type SandboxRequest } from './httpTypes.js';
import { duplicateKeys, type DuplicateKey } from './duplicateKeys.js';
import { describeJsonSyntaxError } from './jsonSyntaxError.js';
import { BODY_FIELD, bodyIssues, capIssues, dedupe, MAX_ISSUES, NUL_MESSAGE, nulFields, parameterIssues, UNPAIRED_SURROGATE_MESSAGE, unpairedSurrogateFields, type Issue } from './issues.js';

type Location = 'path' | 'query' | 'header';

interface ParameterSpec {
  name: string;
  in: Location;
  required: boolean;
  schemaPointer: string | undefined;
  types: Set<string>;
  default: unknown;
}

export interface ParameterValues {
  path: Record<string, string>;
  query: Record<string, unknown>;
  header: Record<string, string>;
}

export type BodyOutcome = { kind: 'absent' } | { kind: 'value'; value: unknown } | { kind: 'invalid'; issues: Issue[] };

export interface OperationValidator {
  /** Parameters read and validated; `issues` empty when all are valid. */
  parameters(request: SandboxRequest, pathParams: Record<string, string>): { values: ParameterValues; issues: Issue[] };
  /** The body parsed and validated against the operation's request schema. */
  body(raw: RawBody): BodyOutcome;
}


function parameterSpecs(doc: OpenApiDocument, operation: Operation): ParameterSpec[] {
  return operation
    .parameters()
    .filter((p) => p.value.in === 'path' || p.value.in === 'query' || p.value.in === 'header')
    .map((p) => {
      const schemaPointer = p.value.schema === undefined ? undefined : `${p.pointer}/schema`;
      const schema = schemaPointer ? resolveRef(doc, p.value.schema, schemaPointer).value : undefined;
      const type = isObject(schema) ? schema.type : undefined;
      return {
        name: String(p.value.name),
        in: p.value.in as Location,
        required: p.value.required === true,
        schemaPointer,
        types: new Set((Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string')),
        default: isObject(schema) ? schema.default : undefined,
      };
    });
}

/** A top-level key given twice is told so; one deeper is named, under its top-level field. */
const duplicateIssue = ({ field, key }: DuplicateKey): Issue => ({ field, message: field === key ? 'Must be given at most once' : `Key ${JSON.stringify(key)} must be given at most once` });

/** Schema errors of one body read into issues at most (a body's issues are capped at MAX_ISSUES anyway). */
const READ_ERRORS = MAX_ISSUES * 10;

/**
 * The deepest a request body may nest its arrays and objects. No schema of the documents nests
 * past a few levels (none is recursive or free-form), and a 2 MB body nested a million levels deep
 * took the sandbox's memory from 230 MB to over 500 MB to parse and walk: such a body is refused
 * before it is parsed, with the API's own body error.
 */
export const MAX_BODY_DEPTH = 64;

const sizeLabel = (bytes: number) => (bytes >= 1024 * 1024 ? `${+(bytes / 1024 / 1024).toFixed(2)} MB` : `${bytes} bytes`);

export function createOperationValidator(doc: OpenApiDocument, validator: SchemaValidator, operation: Operation): OperationValidator {
  const specs = parameterSpecs(doc, operation);
  const requestBody = operation.requestBody();
  const bodyRequired = requestBody?.value.required === true;
  const bodySchema = operation.schemaPointer('request');
  // Compile now, so a schema ajv cannot compile stops the start, not a request.
  for (const s of specs) if (s.schemaPointer) validator.compile(s.schemaPointer);
  if (bodySchema) validator.compile(bodySchema);

  return {
    parameters(request, pathParams) {
      const values: ParameterValues = { path: {}, query: {}, header: {} };
      const issues: Issue[] = [];
      for (const spec of specs) {
        let raw: string | undefined;
        if (spec.in === 'path') raw = pathParams[spec.name];
        else if (spec.in === 'header') {
          if (request.repeatedHeaders?.has(spec.name.toLowerCase())) {
            issues.push({ field: spec.name, message: 'Must be given at most once' });
            continue;
          }
          raw = headerValue(request.headers, spec.name);
        }
        else {
          const all = request.searchParams.getAll(spec.name);
          if (all.length > 1) {
            issues.push({ field: spec.name, message: 'Must be given at most once' });
            continue;
          }
          raw = all[0];
        }
        if (raw?.includes('\u0000')) {
          issues.push({ field: spec.name, message: NUL_MESSAGE });
          continue;
        }
        if (raw === undefined) {
          if (spec.required) issues.push({ field: spec.name, message: 'Required' });
          else if (spec.in === 'query' && spec.default !== undefined) values.query[spec.name] = spec.default;
          continue;
        }
        const value = spec.in === 'header' ? raw : coerceParameter(spec.types, raw);
        const errors = spec.schemaPointer ? validator.validate(spec.schemaPointer, value) : [];
        if (errors.length > 0) {
          for (const issue of parameterIssues(spec.name, errors, value)) issues.push(issue);
          continue;
        }
        if (spec.in === 'query') values.query[spec.name] = value;
        else values[spec.in][spec.name] = raw;
      }
      return { values, issues: capIssues(issues) };
    },

    body(raw) {
      if (!requestBody || !bodySchema) return { kind: 'absent' }; // the operation takes no body: anything sent is ignored
      if (raw.kind === 'too-large') {
        return { kind: 'invalid', issues: [{ field: BODY_FIELD, message: `The body is larger than ${sizeLabel(raw.limitBytes)}` }] };
      }
      if (raw.kind === 'unreadable') return { kind: 'invalid', issues: [{ field: BODY_FIELD, message: raw.problem }] };
      if (raw.kind === 'text' && raw.mediaTypeProblem !== undefined) return { kind: 'invalid', issues: [{ field: BODY_FIELD, message: raw.mediaTypeProblem }] };
      if (raw.kind === 'empty') {
        return bodyRequired ? { kind: 'invalid', issues: [{ field: BODY_FIELD, message: 'A JSON body is required' }] } : { kind: 'absent' };
      }
      // A body declared as another media type, or with no Content-Type, was refused above (bodyMediaType.ts).
      if (nestingDepth(raw.text) > MAX_BODY_DEPTH) return { kind: 'invalid', issues: [{ field: BODY_FIELD, message: `The body nests arrays and objects more than ${MAX_BODY_DEPTH} levels deep` }] };
      let value: unknown;
      try {
        value = JSON.parse(raw.text);
      } catch (error) {
        return { kind: 'invalid', issues: [{ field: BODY_FIELD, message: describeJsonSyntaxError((error as Error).message, raw.text) }] };
      }
      // PostgreSQL cannot store NUL in text, nor UTF-8 encode an unpaired surrogate: both refused
      // here, named, before any value reaches it. JSON can only spell either as an escape
      // (`\u0000`, `\ud800`), so a text without `\u` needs no walk (nor a 10,000-id body a regex).
      const unstorable: Issue[] = [];
      if (raw.text.includes('\\u')) {
        // One push per field: a spread of 150,000 fields as arguments overflows the stack.
        if (raw.text.includes('\\u0000')) for (const field of nulFields(value)) unstorable.push({ field, message: NUL_MESSAGE });
        if (/\\u[dD][89a-fA-F]/.test(raw.text)) for (const field of unpairedSurrogateFields(value)) unstorable.push({ field, message: UNPAIRED_SURROGATE_MESSAGE });
      }
      // A key given twice is refused, not read as its last value: only a text with an object can have one.
      const duplicates = raw.text.includes('{') ? duplicateKeys(raw.text).map(duplicateIssue) : [];
      // Bounded work: only the first errors are read and turned into issues (a body of 60,000
      // unknown keys has 60,000, a 2 MB array of wrong items a million), the rest are counted in
      // the note that ends the list.
      const { errors: read, total } = validator.validateBounded(bodySchema, value, READ_ERRORS);
      if (total === 0 && unstorable.length === 0 && duplicates.length === 0) return { kind: 'value', value };
      const issues = dedupe([...duplicates, ...unstorable, ...bodyIssues(read, value)]);
      if (issues.length === 0) return { kind: 'invalid', issues: [{ field: BODY_FIELD, message: 'Invalid body' }] };
      return { kind: 'invalid', issues: capIssues(issues, MAX_ISSUES, total - read.length) };
    },
  };
}

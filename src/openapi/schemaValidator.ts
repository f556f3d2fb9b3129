import { encodeComponent } from './percentEncode.js';
import type { Ajv2020, ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { CONTAINER_ID, DOCUMENT_ID, locateCompileError, rewriteAjvMessage } from './ajvErrorLocation.js';
import { createAjv } from './createAjv.js';
import { decodePointer, escapeToken, getAtPointer } from './jsonPointer.js';
import type { OpenApiDocument } from './loadDocument.js';

/** One ajv error, as returned by `SchemaValidator.validate`. */
export interface SchemaError {
  instancePath: string;
  message: string;
  keyword: string;
  params: Record<string, unknown>;
  schemaPath: string;
}

/** One error in words: where (`(root)` for the whole value) and what ajv says. */
export function errorInWords(error: Pick<SchemaError, 'instancePath' | 'message'>): string {
  return `${error.instancePath || '(root)'} ${error.message}`;
}

/** The first `max` errors in words, joined with `; `. */
export function errorsInWords(errors: readonly Pick<SchemaError, 'instancePath' | 'message'>[], max = 3): string {
  return errors.slice(0, max).map(errorInWords).join('; ');
}

export interface SchemaValidator {
  /** The compiled validator for the schema at `schemaPointer` (compiled once, then cached). */
  compile(schemaPointer: string): ValidateFunction;
  /** Validates `value` against the schema at `schemaPointer`; `[]` means valid. */
  validate(schemaPointer: string, value: unknown): SchemaError[];
  /**
   * As `validate`, but only the first `max` errors are returned (`total` counts them all): a
   * value with a million errors (a 2 MB array of wrong items) costs ajv's work, not a million more objects.
   */
  validateBounded(schemaPointer: string, value: unknown, max: number): { errors: SchemaError[]; total: number };
  /**
   * As `validate`, but validation stops at the first error (`[]` or one error): memory and time
   * bounded by the value, not by how often it breaks its schema (a hostile 10 MB list of empty
   * items broke it 33 million times, past 4 GB of error objects). Compiled on first use.
   */
  validateFirst(schemaPointer: string, value: unknown): SchemaError[];
}

/**
 * A schema of the document that ajv can't compile. `schemaPointer` is the schema asked for,
 * `pointer` the place in the document that is at fault (a `$ref`, a `pattern`, a keyword), the
 * same as `schemaPointer` when nothing more precise is known.
 */
export class SchemaCompileError extends Error {
  constructor(message: string, readonly schemaPointer: string, readonly pointer: string) {
    super(message);
    this.name = 'SchemaCompileError';
  }
}

/** Members whose keys are names (a property named `example` is no example), as OpenAPI and JSON Schema define them. */
const NAME_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas', 'schemas', 'responses', 'parameters', 'headers', 'requestBodies', 'securitySchemes', 'links', 'callbacks', 'pathItems', 'content', 'encoding', 'mapping', 'variables', 'webhooks', 'paths']);

/** A copy of `value` (held under `key`) without its `example` and `examples` members: data and annotations, which ajv need not read. */
function withoutExamples(value: unknown, key: string): unknown {
  if (Array.isArray(value)) return value.map((item) => withoutExamples(item, key));
  if (value === null || typeof value !== 'object') return value;
  const names = NAME_MAPS.has(key);
  const out: Record<string, unknown> = {};
  for (const [member, child] of Object.entries(value)) {
    if (!names && (member === 'example' || member === 'examples')) continue;
    // The values ajv validates with are kept as written.
    out[member] = !names && (member === 'enum' || member === 'const' || member === 'default') ? child : withoutExamples(child, member);
  }
  return out;
}

// The document is registered in ajv under DOCUMENT_ID, nested in a container schema (under
// CONTAINER_ID): see `createSchemaValidator`; the ids live in ajvErrorLocation.ts.

/**
 * Validates values against schemas of `doc`, each named by its JSON pointer
 * (`#/components/schemas/User`, `#/paths/~1users/get/responses/200/content/application~1json/schema`),
 * with `$ref`s inside them resolved against the whole document.
 */
export function createSchemaValidator(doc: OpenApiDocument, ajv: Ajv2020 = createAjv(doc), firstErrorAjv: () => Ajv2020 = () => createAjv(doc, { allErrors: false })): SchemaValidator {
  // Adding the document itself as a schema would make ajv compile its root the first time a
  // `$ref` into it is resolved, and strict mode rejects `openapi`, `info`, `paths`… as unknown
  // keywords. So it goes under `$defs` of a container (whose root is a valid, empty schema), with
  // its own `$id`: ajv maps that `$id` to `<container>#/$defs/doc`, and both the pointers asked
  // for here and the document's own `#/components/…` refs then resolve inside the document
  // without its root ever being compiled. The spread copy leaves `doc` itself untouched.
  try {
    ajv.addSchema({ $id: CONTAINER_ID, $defs: { doc: { ...doc, $id: DOCUMENT_ID } } });
  } catch (error) {
    // ajv collects the `$id`s of every object in what it is given, data included (Okta's log
    // stream example is a JSON Schema whose `$id` is `http://{yourOktaDomain}/…`: 'URI host is
    // malformed'). Examples are annotations to ajv: it is given the document without them.
    try {
      ajv.addSchema({ $id: CONTAINER_ID, $defs: { doc: { ...(withoutExamples(doc, '') as object), $id: DOCUMENT_ID } } });
    } catch {
      throw new Error(`the document's schemas cannot be read by ajv: ${(error as Error).message}`);
    }
  }
  const cache = new Map<string, ValidateFunction>();

  function compile(schemaPointer: string): ValidateFunction {
    const cached = cache.get(schemaPointer);
    if (cached) return cached;
    const schema = getAtPointer(doc, schemaPointer);
    if (typeof schema !== 'boolean' && (typeof schema !== 'object' || schema === null || Array.isArray(schema))) {
      throw new Error(`No schema at ${schemaPointer}`);
    }
    // ajv checks a schema against the meta-schema only when it is added, not for parts of one.
    if (!ajv.validateSchema(schema)) {
      const first = ajv.errors?.[0]?.instancePath ?? '';
      throw new SchemaCompileError(
        `Schema at ${schemaPointer} is not valid JSON Schema 2020-12: ${ajv.errorsText(ajv.errors)}`,
        schemaPointer,
        schemaPointer + first,
      );
    }
    let validate: ValidateFunction | undefined;
    try {
      validate = ajv.getSchema(DOCUMENT_ID + toUriFragment(schemaPointer));
    } catch (error) {
      const pointer = locateCompileError(doc, schemaPointer, error, ajv);
      const at = pointer === schemaPointer ? '' : ` (at ${pointer})`;
      throw new SchemaCompileError(`Cannot compile schema at ${schemaPointer}: ${rewriteAjvMessage((error as Error).message)}${at}`, schemaPointer, pointer);
    }
    if (!validate) throw new SchemaCompileError(`Cannot compile schema at ${schemaPointer}: ajv did not find it`, schemaPointer, schemaPointer);
    cache.set(schemaPointer, validate);
    return validate;
  }

  function validate(schemaPointer: string, value: unknown): SchemaError[] {
    const validateFn = compile(schemaPointer);
    return validateFn(value) ? [] : (validateFn.errors ?? []).map(toSchemaError);
  }

  function validateBounded(schemaPointer: string, value: unknown, max: number): { errors: SchemaError[]; total: number } {
    const validateFn = compile(schemaPointer);
    if (validateFn(value)) return { errors: [], total: 0 };
    const all = validateFn.errors ?? [];
    const errors: SchemaError[] = [];
    for (let i = 0; i < all.length && i < max; i++) errors.push(toSchemaError(all[i] as ErrorObject));
    return { errors, total: all.length };
  }

  let firstError: SchemaValidator | undefined;
  function validateFirst(schemaPointer: string, value: unknown): SchemaError[] {
    compile(schemaPointer); // a schema that does not compile fails here as in `validate`
    firstError ??= createSchemaValidator(doc, firstErrorAjv());
    return firstError.validate(schemaPointer, value);
  }

  return { compile, validate, validateBounded, validateFirst };
}

// `#/a b/{c}` → `#/a%20b/%7Bc%7D`: ajv reads a ref's fragment as a URI fragment, percent-decoding it.
function toUriFragment(pointer: string): string {
  return '#' + decodePointer(pointer).map((token) => '/' + encodeComponent(escapeToken(token))).join('');
}

function toSchemaError(error: ErrorObject): SchemaError {
  return {
    instancePath: error.instancePath,
    message: error.message ?? '',
    keyword: error.keyword,
    params: error.params,
    schemaPath: error.schemaPath,
  };
}

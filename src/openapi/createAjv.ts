import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { appendErrorsInPlace } from './linearErrorAppend.js';
import { fallbackMatcher, linearRegExp, NoLinearMatch, type LinearMatcher } from './linearRegExp.js';
import { STANDARD_FORMATS } from './standardFormats.js';

/** Schema Object fields OpenAPI 3.1 adds to JSON Schema 2020-12; accepted as annotations only. */
export const OPENAPI_SCHEMA_KEYWORDS = ['example', 'xml', 'discriminator', 'externalDocs'] as const;

// The names ajv accepts for a keyword (see ajv's core `addKeyword`).
const KEYWORD_NAME = /^[a-z_$][a-z0-9_$:-]*$/i;

/** Every distinct `x-…` key used anywhere in `doc` that ajv can register as a keyword, sorted. */
export function findExtensionKeywords(doc: unknown): string[] {
  const found = new Set<string>();
  const stack: unknown[] = [doc];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) {
      for (const child of value) stack.push(child); // a spread of 200,000 arguments overflows the stack
      continue;
    }
    for (const [key, child] of Object.entries(value)) {
      if (key.startsWith('x-') && KEYWORD_NAME.test(key)) found.add(key);
      stack.push(child);
    }
  }
  return [...found].sort();
}

/** How strictly schemas are read: `strict` for this project's documents, `foreign` for anyone's. */
export type AjvMode = 'strict' | 'foreign';

/** Something a `foreign` Ajv let pass that the caller should tell the user, once. */
export interface AjvWarning {
  kind: 'unknown-format' | 'non-unicode-pattern' | 'unchecked-pattern';
  /** One line for people. */
  message: string;
  /** The format name, for `unknown-format`. */
  format?: string;
  /** The pattern source, for `non-unicode-pattern` and `unchecked-pattern`. */
  pattern?: string;
}

export interface CreateAjvOptions {
  /** `strict` (the default) keeps today's behaviour; see `createAjv` for `foreign`. */
  mode?: AjvMode;
  /** Called once per distinct warning of this Ajv (`foreign` mode only). */
  onWarning?: (warning: AjvWarning) => void;
  /** Every error (the default), or only the first: validation stops there (a check of a large answer). */
  allErrors?: boolean;
}

const INTEGER_RANGES: Record<string, [number, number]> = {
  int8: [-128, 127],
  int16: [-32768, 32767],
  uint8: [0, 255],
  uint16: [0, 65535],
  uint32: [0, 4294967295],
  uint64: [0, 18446744073709551615],
};

/**
 * Formats of the OpenAPI Format Registry that ajv-formats lacks (it has int32, int64, float,
 * double, byte, binary and password already). Integer widths are checked on numbers; the others
 * describe text whose exact grammar is the vendor's business, so any string passes (a format
 * that is too lenient only loses a negative case, one that is too strict gives false failures).
 */
export const OPENAPI_EXTRA_FORMATS: readonly string[] = [
  ...Object.keys(INTEGER_RANGES),
  'char', 'decimal', 'decimal128', 'base64url', 'commonmark', 'html', 'http-date', 'media-range',
  'idn-email', 'idn-hostname', 'iri', 'iri-reference',
  'sf-binary', 'sf-boolean', 'sf-decimal', 'sf-integer', 'sf-string', 'sf-token',
];

function addOpenApiFormats(ajv: Ajv2020): void {
  for (const [name, [min, max]] of Object.entries(INTEGER_RANGES)) {
    ajv.addFormat(name, { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= min && n <= max });
  }
  ajv.addFormat('char', { type: 'string', validate: (s: string) => [...s].length === 1 });
  ajv.addFormat('base64url', { type: 'string', validate: (s: string) => /^[A-Za-z0-9_-]*={0,2}$/.test(s) });
  for (const name of OPENAPI_EXTRA_FORMATS) {
    if (!(name in INTEGER_RANGES) && !(name in STANDARD_FORMATS) && name !== 'char' && name !== 'base64url') ajv.addFormat(name, true);
  }
}

/**
 * An Ajv (JSON Schema 2020-12) with all ajv-formats formats (uuid, date-time, time, byte, int64
 * and float made exact: `standardFormats.ts`), which also accepts OpenAPI's schema
 * keywords and the `x-…` extensions found in `doc` as annotations.
 *
 * In `strict` mode (the default, for this project's documents) any other unknown keyword or
 * format makes compilation throw, and so do `required`/`properties` without `type: object`.
 *
 * In `foreign` mode (documents nobody here wrote) schemas are read as the specification reads
 * them: unknown keywords are ignored, unknown formats are ignored and reported once each through
 * `onWarning`, OpenAPI's registry formats are known (see `OPENAPI_EXTRA_FORMATS`), strictTypes,
 * strictTuples and strictRequired are off, and a `pattern` that is not valid under the `u` flag
 * (`[\w-.]`, `\-`) is compiled without it (and reported once): without `u` such a pattern means
 * what its author tested it with, and skipping the schema would lose all its other keywords. A
 * pattern invalid even then still makes compilation throw (see `ajvErrorLocation`).
 *
 * Every `pattern` (and `patternProperties` name) is matched in linear time (`linearRegExp.ts`):
 * no document and answer together can make a match backtrack for ever. A pattern that engine
 * cannot express (lookaround, a backreference, a repeat count past 1,000) makes compilation
 * throw in `strict` mode; in `foreign` mode it is read as `fallbackMatcher` says (the native engine
 * on a worker thread, given a time limit per text; past it, nothing checked) and reported through
 * `onWarning` (`unchecked-pattern`) once, and once more if the limit is reached.
 */
export function createAjv(doc?: unknown, options: CreateAjvOptions = {}): Ajv2020 {
  const mode = options.mode ?? 'strict';
  const allErrors = options.allErrors ?? true;
  const ajv = mode === 'foreign' ? createForeign(options.onWarning ?? (() => {}), allErrors) : createStrict(allErrors);
  // ajv-formats is CommonJS: under NodeNext its default import is `module.exports`, whose
  // `.default` is the plugin (the same function at runtime, but only `.default` type-checks).
  addFormats.default(ajv);
  // uuid, date-time, time, byte, int64 and float as their standards state them (see standardFormats.ts).
  for (const [name, format] of Object.entries(STANDARD_FORMATS)) ajv.addFormat(name, format);
  if (mode === 'foreign') addOpenApiFormats(ajv);
  for (const keyword of [...OPENAPI_SCHEMA_KEYWORDS, ...findExtensionKeywords(doc)]) {
    ajv.addKeyword({ keyword });
  }
  return ajv;
}

/** ajv's `code.regExp`: `make` with a `code` name (used only by ajv's standalone code generation). */
function regExpOption(make: (pattern: string, flags: string) => LinearMatcher): ((pattern: string, flags: string) => RegExp) & { code: string } {
  const option = make as unknown as ((pattern: string, flags: string) => RegExp) & { code: string };
  option.code = 'linearRegExp';
  return option;
}

function createStrict(allErrors: boolean): Ajv2020 {
  // Full strict mode: unknown keywords and formats (strictSchema), strictNumbers, strictTuples,
  // strictTypes (`required` etc. need `type: object` beside them) and strictRequired (a required
  // property is defined in the same schema object). The project's documents are written to pass
  // it; a refinement branch says `type: object` and defines what it requires.
  return new Ajv2020({ strict: true, allErrors, code: { regExp: regExpOption(linearRegExp), process: appendErrorsInPlace } });
}

function createForeign(onWarning: (warning: AjvWarning) => void, allErrors: boolean): Ajv2020 {
  const seen = new Set<string>();
  const warn = (key: string, warning: AjvWarning) => {
    if (seen.has(key)) return;
    seen.add(key);
    onWarning(warning);
  };
  /** A matcher of `pattern`: linear-time, or one that checks nothing (reported) when there is none. */
  const linear = (pattern: string, flags: string): LinearMatcher => {
    try {
      return linearRegExp(pattern, flags);
    } catch (error) {
      if (!(error instanceof NoLinearMatch)) throw error;
      const { matcher, note } = fallbackMatcher(error, flags, (gaveUp) => warn(`gave-up:${pattern}`, { kind: 'unchecked-pattern', pattern, message: gaveUp }));
      warn(`unchecked:${pattern}`, { kind: 'unchecked-pattern', pattern, message: note });
      return matcher;
    }
  };
  const regExp = (pattern: string, flags: string): LinearMatcher => {
    try {
      new RegExp(pattern, flags);
    } catch (error) {
      if (!flags.includes('u')) throw error;
      new RegExp(pattern, flags.replace('u', '')); // throws when invalid either way
      warn(`pattern:${pattern}`, {
        kind: 'non-unicode-pattern',
        pattern,
        message: `pattern ${JSON.stringify(pattern)} is not valid with the u flag; compiled without it`,
      });
      return linear(pattern, flags.replace('u', ''));
    }
    return linear(pattern, flags);
  };
  const logger = {
    log: () => {},
    error: () => {},
    warn: (...args: unknown[]) => {
      const text = args.map(String).join(' ');
      const format = /unknown format "([^"]*)"/.exec(text)?.[1];
      if (format !== undefined) {
        warn(`format:${format}`, { kind: 'unknown-format', format, message: `unknown format "${format}" ignored` });
      }
    },
  };
  return new Ajv2020({
    strict: false,
    strictSchema: false,
    strictNumbers: true,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    allErrors,
    logger,
    code: { regExp: regExpOption(regExp), process: appendErrorsInPlace },
  });
}

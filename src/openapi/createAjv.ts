import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

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
      stack.push(...value);
      continue;
    }
    for (const [key, child] of Object.entries(value)) {
      if (key.startsWith('x-') && KEYWORD_NAME.test(key)) found.add(key);
      stack.push(child);
    }
  }
  return [...found].sort();
}

/**
 * A strict Ajv (JSON Schema 2020-12) with all ajv-formats formats, which also accepts OpenAPI's
 * schema keywords and the `x-…` extensions found in `doc` as annotations. Any other unknown
 * keyword or format still makes compilation throw.
 */
export function createAjv(doc?: unknown): Ajv2020 {
  // Full strict mode: unknown keywords and formats (strictSchema), strictNumbers, strictTuples,
  // strictTypes (`required` etc. need `type: object` beside them) and strictRequired (a required
  // property is defined in the same schema object). The project's documents are written to pass
  // it; a refinement branch says `type: object` and defines what it requires.
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  // ajv-formats is CommonJS: under NodeNext its default import is `module.exports`, whose
  // `.default` is the plugin (the same function at runtime, but only `.default` type-checks).
  addFormats.default(ajv);
  for (const keyword of [...OPENAPI_SCHEMA_KEYWORDS, ...findExtensionKeywords(doc)]) {
    ajv.addKeyword({ keyword });
  }
  return ajv;
}

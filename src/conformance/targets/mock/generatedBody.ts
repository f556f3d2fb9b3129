/**
 * Bodies Prism makes up. Where a response documents no example, Prism builds its body from the
 * schema with a generator of its own, which breaks some valid schemas: it cuts a recursive
 * schema with `{}` (a Pet's `friend` is a Pet, so `friend: {}` lacks the required `name`), and
 * it ignores `if`/`then` and the like, it writes `writeOnly` properties into responses, and it
 * knows no discriminator. Such a body says nothing of the document. So, in a foreign document,
 * when every failure of an answer is one of those body rules, the media type documents no
 * example, and the suite itself builds a value the schema accepts (openapi-sampler, pruned, then
 * checked by ajv: proof that the schema is satisfiable), the case is skipped with that reason
 * instead of failed. A schema the suite cannot satisfy either (a required property it never
 * declares) stays failed: that is the document's defect.
 */
import type { LoadedApi } from '../../../core/loadApi.js';
import { documentedStatusKey } from '../../../core/statusMatch.js';
import { pruneToValid } from '../../cases/pruneSample.js';
import { sampleCandidates } from '../../cases/operationPlan.js';
import { directionalErrors } from '../../cases/requestDirection.js';
import { isObject } from '../../../openapi/jsonPointer.js';
import { matchMediaType } from '../../../openapi/mediaTypes.js';
import type { CheckFailure, ObservedResponse, TestCase } from '../../model.js';

/**
 * The rules a body Prism made up can break by its generator's doing; document-schema only names a
 * required property no schema declares beside the body-schema failure it explains.
 */
const GENERATOR_RULES = new Set(['body-schema', 'body-write-only', 'body-discriminator', 'document-schema']);

/** Per document: whether the suite can build a valid response value for a schema pointer. */
const satisfiable = new WeakMap<LoadedApi, Map<string, boolean>>();

function hasValidValue(api: LoadedApi, schemaPointer: string): boolean {
  let known = satisfiable.get(api);
  if (!known) satisfiable.set(api, (known = new Map()));
  const cached = known.get(schemaPointer);
  if (cached !== undefined) return cached;
  const errors = (value: unknown) => directionalErrors(api.validator, api.doc, schemaPointer, value, 'response');
  const result = sampleCandidates(api, schemaPointer, 'response').some((sampled) => {
    const pruned = pruneToValid(sampled, errors);
    return pruned !== undefined && errors(pruned).length === 0;
  });
  known.set(schemaPointer, result);
  return result;
}

/** Why the failures of this answer are Prism's generator's and not the document's, or undefined. */
export function generatedBodyExcuse(api: LoadedApi, testCase: TestCase, response: ObservedResponse, failures: readonly CheckFailure[]): string | undefined {
  if (api.mode !== 'foreign' || failures.length === 0 || failures.some((f) => !GENERATOR_RULES.has(f.rule))) return undefined;
  const op = testCase.operation;
  const statusKey = documentedStatusKey(op.statuses(), response.status);
  const content = statusKey ? op.response(statusKey)?.value.content : undefined;
  if (!isObject(content)) return undefined;
  const mediaType = matchMediaType(Object.keys(content), response.headers['content-type']);
  const media = mediaType ? content[mediaType] : undefined;
  if (!mediaType || !isObject(media)) return undefined;
  const documented = media.example !== undefined || (isObject(media.examples) && Object.keys(media.examples).length > 0);
  const schemaPointer = op.schemaPointer(statusKey as string, mediaType);
  if (documented || !schemaPointer || !hasValidValue(api, schemaPointer)) return undefined;
  return `Prism made this ${response.status} body up from the schema (no example is documented) and broke it (${failures[0]?.message}); the schema has valid values, so the fault is Prism's generator, not the document's (${schemaPointer})`;
}

/** The rules an empty answer breaks where JSON (or any content) is documented. */
const EMPTY_BODY_RULES = new Set(['body-json', 'content-type']);

/** Whether a Media Type Object gives Prism nothing to answer from: no schema, no example. */
function emptyMediaType(media: unknown): boolean {
  if (!isObject(media)) return true;
  return media.schema === undefined && media.example === undefined && !(isObject(media.examples) && Object.keys(media.examples).length > 0);
}

/**
 * An answer Prism sent with no body for a response whose every media type gives neither a schema
 * nor an example (`application/json: {}`): it has nothing to answer from, and sends no body (and
 * on its own security check, no Content-Type). The document allows any value there; the empty
 * answer is Prism's, and says nothing of the document.
 */
export function emptyMediaTypeExcuse(api: LoadedApi, testCase: TestCase, response: ObservedResponse, failures: readonly CheckFailure[]): string | undefined {
  if (api.mode !== 'foreign' || response.bodyText !== '' || failures.length === 0 || failures.some((f) => !EMPTY_BODY_RULES.has(f.rule))) return undefined;
  const op = testCase.operation;
  const statusKey = documentedStatusKey(op.statuses(), response.status);
  const content = statusKey ? op.response(statusKey)?.value.content : undefined;
  if (!isObject(content) || Object.keys(content).length === 0 || !Object.values(content).every(emptyMediaType)) return undefined;
  return `Prism answered ${response.status} with no body: the document gives ${Object.keys(content).join(', ')} no schema and no example, so Prism had nothing to answer from; Prism's doing, not the document's`;
}

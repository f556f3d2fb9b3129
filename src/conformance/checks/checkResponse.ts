/**
 * Checks one observed response: builds the context once (documented status key, matching media
 * type, the body parsed at most once) and runs every registered check that applies, then the
 * target adapter's own. `[]` when the response honours the contract and the case.
 */
import { documentedStatusKey } from '../../core/statusMatch.js';
import { isObject } from '../../openapi/jsonPointer.js';
import { isJsonMediaType, matchMediaType } from '../../openapi/mediaTypes.js';
import type { OpenApiDocument } from '../../openapi/loadDocument.js';
import type { Operation } from '../../openapi/operations.js';
import type { SchemaValidator } from '../../openapi/schemaValidator.js';
import type { CheckFailure, Expectation, ObservedResponse, TargetKind } from '../model.js';
import { noRedaction, type Redactor } from '../run/redact.js';
import { MAX_FAILURES_PER_CHECK, notListed, type ApiCheckOptions, type Check, type CheckContext, type RefusedStatuses } from './check.js';
import { CHECKS } from './index.js';
import { nestingDepth } from '../../openapi/nestingDepth.js';

export interface CheckInput {
  operation: Operation;
  /** The document (for `writeOnly`); optional for unit tests. */
  doc?: OpenApiDocument;
  validator: SchemaValidator;
  expect: Expectation;
  /** Statuses this target must answer; default: `expect.statuses`. */
  expectedStatuses?: string[];
  /** Statuses this target must not answer, though expected ones admit them (the adapter's). */
  refusedStatuses?: RefusedStatuses;
  target: TargetKind;
  response: ObservedResponse;
  api?: ApiCheckOptions;
  /** Checks of the target adapter, run after the registered ones. */
  extraChecks?: readonly Check[];
  /** Secrets a hostile server may echo: redacted from every failure before anything cuts or escapes it. */
  redact?: Redactor;
}

function documentedMediaType(operation: Operation, statusKey: string | undefined, contentTypeHeader: string | undefined): string | undefined {
  const content = statusKey ? operation.response(statusKey)?.value.content : undefined;
  if (!isObject(content)) return undefined;
  return matchMediaType(Object.keys(content), contentTypeHeader);
}

export function createCheckContext(input: CheckInput): CheckContext {
  const statusKey = documentedStatusKey(input.operation.statuses(), input.response.status);
  const mediaType = documentedMediaType(input.operation, statusKey, input.response.headers['content-type']);
  const status = input.response.status;
  const bodiless = input.operation.method.toLowerCase() === 'head' || status < 200 || status === 204 || status === 304;
  let parsed: { value: unknown } | { error: string } | undefined;
  const parseAsJson = () => {
    if (parsed) return parsed;
    try {
      return (parsed = { value: JSON.parse(input.response.bodyText) as unknown });
    } catch (error) {
      return (parsed = { error: (error as Error).message });
    }
  };
  return {
    operation: input.operation,
    ...(input.doc ? { doc: input.doc } : {}),
    validator: input.validator,
    expect: input.expect,
    expectedStatuses: input.expectedStatuses ?? input.expect.statuses,
    ...(input.refusedStatuses ? { refusedStatuses: input.refusedStatuses } : {}),
    target: input.target,
    response: input.response,
    api: input.api ?? {},
    statusKey,
    mediaType,
    bodiless,
    redact: input.redact ?? noRedaction,
    json() {
      if (bodiless || !mediaType || !isJsonMediaType(input.response.headers['content-type'] ?? mediaType)) return undefined;
      return parseAsJson();
    },
    parseAsJson,
  };
}

/** The failure with every string it quotes redacted (a body-schema message can name a key the server sent). */
export function redactFailure(failure: CheckFailure, redact: Redactor): CheckFailure {
  return {
    ...failure,
    message: redact(failure.message),
    ...(failure.expected !== undefined ? { expected: redact(failure.expected) } : {}),
    ...(failure.actual !== undefined ? { actual: redact(failure.actual) } : {}),
    ...(failure.instancePath !== undefined ? { instancePath: redact(failure.instancePath) } : {}),
  };
}

/** At most MAX_FAILURES_PER_CHECK of a check's failures, and one saying how many more there were. */
function bounded(failures: CheckFailure[]): CheckFailure[] {
  // one over the bound may already be a check's own count of what it left out (body-schema's)
  if (failures.length <= MAX_FAILURES_PER_CHECK + 1) return failures;
  const rule = (failures[MAX_FAILURES_PER_CHECK] as CheckFailure).rule;
  return [...failures.slice(0, MAX_FAILURES_PER_CHECK), notListed(rule, failures.length - MAX_FAILURES_PER_CHECK)];
}
/**
 * A check that cannot run on an answer (it throws: an answer nested deeper than a recursive
 * schema's validator can follow, say) fails the answer under its own rule, saying so: the answer
 * is not verified, and it is not the transport's fault.
 */
function runCheck(check: Check, ctx: CheckContext): CheckFailure[] {
  try {
    return check.appliesTo(ctx) ? bounded(check.run(ctx)) : [];
  } catch (error) {
    // a stack overflow on an answer nested past a thousand levels is the answer's depth: say that, not the engine's words
    const depth = error instanceof RangeError && /call stack/i.test(error.message) ? nestingDepth(ctx.response.bodyText) : 0;
    if (depth > 1000) return [{ rule: check.id, message: `${check.id} could not check this answer: it nests ${depth.toLocaleString('en-US')} levels deep, deeper than the check can follow` }];
    return [{ rule: check.id, message: `${check.id} could not check this answer: ${error instanceof Error ? error.message : String(error)}` }];
  }
}

export function checkResponse(input: CheckInput): CheckFailure[] {
  const ctx = createCheckContext(input);
  return [...CHECKS, ...(input.extraChecks ?? [])].flatMap((check) => runCheck(check, ctx)).map((f) => redactFailure(f, ctx.redact));
}

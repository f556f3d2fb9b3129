/**
 * What a check is: one rule, under a stable id (the file name), that says when it applies and
 * what it finds in one observed response. Checks are pure: they read the context, never send.
 */
import type { OpenApiDocument } from '../../openapi/loadDocument.js';
import type { Operation } from '../../openapi/operations.js';
import type { SchemaValidator } from '../../openapi/schemaValidator.js';
import type { CheckFailure, Expectation, ObservedResponse, RuleId, TargetKind } from '../model.js';
import type { Redactor } from '../run/redact.js';

/** What the API's manifest declares for its checks (`conformance:` in openapi/<api>/api.yaml). */
/**
 * Failures listed per check and response. A hostile or broken answer can break one rule a million
 * times (a 4 MB array of wrong items is two million body-schema errors); past this many, one more
 * failure says how many were left out, so a report stays readable and its size bounded.
 */
export const MAX_FAILURES_PER_CHECK = 100;

/** The failure that stands for `more` failures of `rule` left out of the list. */
export const notListed = (rule: CheckFailure['rule'], more: number): CheckFailure => ({ rule, message: `… and ${more} more ${rule} failure${more === 1 ? '' : 's'} on this response, not listed` });

export interface ApiCheckOptions {
  /** JSON pointer, in an error body, of the object naming each invalid field. */
  fieldErrors?: string;
}

export interface CheckContext {
  operation: Operation;
  /** The document, when the caller has it: lets checks read `writeOnly` and the like. */
  doc?: OpenApiDocument;
  validator: SchemaValidator;
  expect: Expectation;
  /** The statuses this target must answer (the target adapter's reading of `expect.statuses`). */
  expectedStatuses: string[];
  /** Statuses the answer must not have though `expectedStatuses` admits them, and why (the target adapter's). */
  refusedStatuses?: RefusedStatuses;
  target: TargetKind;
  response: ObservedResponse;
  api: ApiCheckOptions;
  /** The documented response key of the status (`'404'`, `'4XX'`, `'default'`), if any. */
  statusKey: string | undefined;
  /** The documented media type matching the response's Content-Type, if any. */
  mediaType: string | undefined;
  /**
   * Whether the answer cannot carry content, whatever the document says: the answer to a HEAD,
   * or a 1xx, 204 or 304 (RFC 9110 §9.3.2, §15.3.5, §15.4.5). Such an answer has no body to check.
   */
  bodiless: boolean;
  /** The body read as JSON: `undefined` when not a JSON media type (or bodiless), `{ error }` when it does not parse. */
  json(): { value: unknown } | { error: string } | undefined;
  /** The body text read as JSON whatever the media type says (for checks of any answer's text); parsed once, shared with `json()`. */
  parseAsJson(): { value: unknown } | { error: string };
  /** Keeps secrets out of what a failure quotes: `redact.excerpt(text, max)` for any response text a check cuts. */
  redact: Redactor;
}

/** Statuses a target must not answer a case, with the reason a failure gives. */
export interface RefusedStatuses {
  statuses: string[];
  reason: string;
}

export interface Check {
  id: RuleId;
  /** One line: the rule in words. */
  description: string;
  appliesTo(ctx: CheckContext): boolean;
  run(ctx: CheckContext): CheckFailure[];
}

/** The parsed JSON body, when there is one that parsed. */
export function parsedBody(ctx: CheckContext): { value: unknown } | undefined {
  const body = ctx.json();
  return body && 'value' in body ? body : undefined;
}

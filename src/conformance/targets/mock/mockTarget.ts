/**
 * Prism as a target: it can be asked for each documented response (`Prefer: code=…, example=…`),
 * it answers any invalid request with the operation's first documented 422 (else 400), and it
 * says in `sl-violations` what it found wrong.
 */
import { TransportError } from '../../../core/boundedFetch.js';
import { deriveDocumentedResponses } from '../../cases/deriveDocumentedResponses.js';
import { isObject } from '../../../openapi/jsonPointer.js';
import { matchMediaType } from '../../../openapi/mediaTypes.js';
import { preferCodeFor } from '../../../openapi/statusKeys.js';
import type { TestCase } from '../../model.js';
import type { TargetAdapter } from '../target.js';
import { prismNoRouteExcuse } from './prismNoRoute.js';
import { documentExample } from './document-example.js';
import { documentPath } from './document-path.js';
import { documentSchema } from './document-schema.js';
import { exampleBody } from './example-body.js';
import { emptyMediaTypeExcuse, generatedBodyExcuse } from './generatedBody.js';
import { cutViolationsExcuse, mockViolation } from './mock-violation.js';
import { prismInternalErrorExcuse, prismOwnRejectionExcuse } from './prismOwnRejection.js';
import { unreceivableStatus } from '../../cases/unreceivableStatus.js';
import { prismUnseenResponseSkip } from './prismUnseenResponse.js';
import { blindSpotReason, type PrismBlindSpot } from './prismBlindSpots.js';
import { PRISM_CRASH_HEADER } from './servePrism.js';
import { foldedMemberExcuse, foldedMemberSkip } from './prismFoldedMembers.js';

/** Statuses Prism may answer for any invalid request: the operation's 422 or 400 (else a 422 of its own). */
const validationStatuses = (statuses: string[]) => statuses.filter((s) => s === '400' || s === '422');

/**
 * Whether the case sends its body under a media type the operation does not take: Prism answers
 * such a request with the operation's documented 415 (its own 415 where none is documented).
 */
function untakenMediaType(testCase: TestCase): boolean {
  const body = testCase.request.body;
  const content = testCase.operation.requestBody()?.value.content;
  if (!body?.contentType || !isObject(content)) return false;
  return matchMediaType(Object.keys(content), body.contentType) === undefined;
}

/** An answer servePrism sent for a request that crashed Prism: the crash is Prism's, whatever the document says. */
function prismCrashExcuse(response: { headers: Record<string, string> }): string | undefined {
  const crash = response.headers[PRISM_CRASH_HEADER];
  return crash === undefined ? undefined : `Prism crashed answering this request (${crash}): a defect of Prism, not of the document`;
}

/** The most of a request body Prism's server reads (micri's `limit: '10mb'`); past it, it answers a 413 of its own. */
const PRISM_BODY_LIMIT = 10 * 1024 * 1024;

/** Why the mock cannot judge this request: its body is larger than Prism reads (a negative case of a large `maxItems`, say). */
function bodyPastPrismLimit(testCase: TestCase): string | undefined {
  const body = testCase.request.body;
  if (!body) return undefined;
  const bytes = Buffer.byteLength('raw' in body ? body.raw : JSON.stringify(body.json) ?? '');
  if (bytes <= PRISM_BODY_LIMIT) return undefined;
  return `Prism reads a request body of at most 10 MiB (it answers a 413 of its own past it); this one has ${(bytes / 1024 / 1024).toFixed(1)} MiB: Prism's limit, not the document's (a live --target still gets this case)`;
}

/** What one Prism server said of the document when it started. */
export interface MockTargetFacts {
  /** Operations whose requests it cannot validate (negative cases there are skipped, saying why). */
  blindSpots?: readonly PrismBlindSpot[];
}

/** The mock target adapter for one Prism server. */
export const createMockTarget = ({ blindSpots = [] }: MockTargetFacts = {}): TargetAdapter => ({
  kind: 'mock',
  extraCases: (api) => deriveDocumentedResponses(api),
  request(testCase) {
    const documented = testCase.expect.documented;
    if (!documented) return testCase.request;
    // A range is asked for by a code of it the operation does not document otherwise (`4XX` → 400).
    const code = preferCodeFor(documented.status, testCase.operation.statuses());
    const prefer = documented.exampleName ? `code=${code}, example=${documented.exampleName}` : `code=${code}`;
    return { ...testCase.request, headers: { ...testCase.request.headers, Prefer: prefer } };
  },
  expectedStatuses(testCase) {
    if (testCase.kind === 'negative' && testCase.expect.violationAt) {
      if (untakenMediaType(testCase) && testCase.operation.statuses().includes('415')) return ['415'];
      const statuses = validationStatuses(testCase.operation.statuses());
      if (statuses.length > 0) return statuses;
      // Without a documented 400 or 422, Prism answers its own 422: any client error will do,
      // the proof that the request was rejected for the right reason is its `sl-violations`.
      return ['4XX'];
    }
    return testCase.expect.statuses;
  },
  skipReason(testCase) {
    if (testCase.request.body && 'raw' in testCase.request.body) return "Prism answers malformed JSON with its own 400 envelope, not the API's";
    const tooLarge = bodyPastPrismLimit(testCase);
    if (tooLarge) return tooLarge;
    if (testCase.mockCaveat) return testCase.mockCaveat;
    const statuses = testCase.operation.statuses();
    if (testCase.kind === 'positive' && statuses.length > 0 && statuses.every((s) => unreceivableStatus(s) !== undefined)) {
      return `${testCase.operation.operationId} documents only statuses no client can receive (${unreceivableStatus(statuses[0] as string)}), and Prism would answer one of them`;
    }
    const blind = blindSpotReason(blindSpots, testCase) ?? foldedMemberSkip(testCase) ?? prismUnseenResponseSkip(testCase);
    if (blind) return blind;
    const documented = testCase.expect.documented;
    if (documented && preferCodeFor(documented.status, testCase.operation.statuses()) === undefined) {
      return `Prism cannot be asked for the '${documented.status}' response (it answers Prefer: code=default with 422)`;
    }
    return undefined;
  },
  checks: [exampleBody, mockViolation, documentExample, documentSchema, documentPath],
  // Prism builds a body for a large recursive schema slowly (7.8 s for one of Discord's messages,
  // one answer at a time): against a foreign document, its running out of time says nothing of the document.
  // And it answers some binary and streamed media types with both Content-Length and
  // Transfer-Encoding (OpenAI's audio/speech), which is not HTTP: its defect, not the document's.
  // And it makes a response header up as long as its schema's minLength asks, past what a client reads.
  excuseTransport: (api, testCase, error) => {
    if (api.mode !== 'foreign' || !(error instanceof TransportError)) return undefined;
    const unreceivable = testCase.operation.statuses().map(unreceivableStatus).find((why) => why !== undefined);
    if (unreceivable) return `Prism may have answered with a status the operation documents and no client can receive (${unreceivable}), and no complete answer came (${error.message}); Prism's choice, not the document's`;
    if (error.timedOut) return `Prism gave no complete answer in time (${error.message}): it builds bodies for large recursive schemas slowly, one at a time; Prism's doing, not the document's (a larger --timeout lets this answer be checked)`;
    const overflow = /^the response headers exceed (\d+) bytes \(UND_ERR_HEADERS_OVERFLOW\)$/.exec(error.message);
    if (overflow) return `Prism sent response headers past the ${overflow[1]} bytes the HTTP client reads (UND_ERR_HEADERS_OVERFLOW): it makes header values up from their schemas, and one of ${testCase.operation.operationId} asks for more than a header can carry, so no answer can be checked`;
    if (/^the answer is not valid HTTP: .*\(HPE_[A-Z_]+\)$/.test(error.message)) return `Prism sent an answer that is not valid HTTP (${error.message.replace(/^the answer is not valid HTTP: /, '')}): a defect of Prism, not of the document`;
    return undefined;
  },
  excuse: (api, testCase, response, failures) =>
    prismCrashExcuse(response) ?? prismInternalErrorExcuse(api, response) ?? prismNoRouteExcuse(api, testCase, response, failures) ?? prismOwnRejectionExcuse(api, testCase, response, failures) ?? foldedMemberExcuse(api, testCase, response, failures) ?? generatedBodyExcuse(api, testCase, response, failures) ?? emptyMediaTypeExcuse(api, testCase, response, failures) ?? cutViolationsExcuse(response, failures),
});

/** The mock target adapter for a Prism server that can validate every request. */
export const mockTarget: TargetAdapter = createMockTarget();

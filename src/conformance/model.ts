/**
 * The conformance suite's data model: what a case is, what a check found, what a run reports.
 * Every module of the suite speaks these types; none of them holds a contract fact (those are read
 * from the bundled documents).
 */

export const API_NAMES = ['layers', 'ayrshare', 'hoko'] as const;
export type ApiName = (typeof API_NAMES)[number];

/** An HTTP request the suite will send, before credentials and base URL are applied. */
export interface RequestSpec {
  method: string;
  /** Path template from the document, e.g. `/v1/influencers/{influencerId}`. */
  pathTemplate: string;
  pathParams: Record<string, string>;
  query: Record<string, string>;
  headers: Record<string, string>;
  /** How the request authenticates: the document's scheme to use, or none (a missing-credentials case). */
  auth: { kind: 'scheme'; scheme: string } | { kind: 'none' } | { kind: 'malformed'; header: string; value: string };
  /** JSON body (serialised by the runner), or a raw string sent as is (malformed JSON), or nothing. */
  body?: { json: unknown } | { raw: string; contentType: string };
}

export type CaseKind = 'documented-response' | 'positive' | 'negative' | 'scenario';

/** What a case expects of the response, beyond the checks every response gets. */
export interface Expectation {
  /** Acceptable statuses (document keys, e.g. `'422'`, `'2XX'`). Empty: any documented status. */
  statuses: string[];
  /** Expected error code (Layers `error.code`, Ayrshare `code`), when the document fixes one. */
  errorCode?: string | number;
  /** Layers: the key `details.fieldErrors` must name. */
  fieldErrorKey?: string;
  /** Against a mock: the body must equal this documented example. */
  exampleBody?: unknown;
  /** Against a mock, when they differ: Prism answers every invalid request with the operation's first 422 (else 400). */
  mockStatuses?: string[];
  /** Against Prism: the `sl-violations` location it must report, e.g. `['request', 'body', 'gender']`. */
  mockViolationLocation?: string[];
}

export interface TestCase {
  /** Stable, unique, human-readable id, e.g. `layers patchInfluencer negative body.gender enum`. */
  id: string;
  api: ApiName;
  operationId: string;
  method: string;
  pathTemplate: string;
  kind: CaseKind;
  /** One line saying what the case does. */
  title: string;
  /** For negative cases: the one constraint broken, as `where: rule` (`body.name: maxLength 128`). */
  brokenRule?: string;
  request: RequestSpec;
  expect: Expectation;
  /** Whether sending it may change data (anything but GET, HEAD, OPTIONS). */
  writes: boolean;
  /** Only meaningful against a mock, or only against a live target. */
  only?: 'mock' | 'live';
  /** Why this case cannot run against a kind of target (reported as skipped with this reason). */
  skipOn?: { target: 'mock' | 'live'; reason: string };
}

/** One broken rule found in one response. `rule` is a stable name users can grep for. */
export interface CheckFailure {
  rule:
    | 'status-documented'
    | 'status-expected'
    | 'content-type'
    | 'body-json'
    | 'body-schema'
    | 'header-required'
    | 'header-schema'
    | 'error-code'
    | 'field-errors'
    | 'example-body'
    | 'mock-violation'
    | 'behaviour'
    | 'transport';
  message: string;
  expected?: string;
  actual?: string;
  /** ajv instance path of a body error. */
  instancePath?: string;
}

export interface ObservedResponse {
  status: number;
  headers: Record<string, string>;
  bodyText: string;
}

export type Outcome = 'passed' | 'failed' | 'skipped';

export interface CaseResult {
  testCase: TestCase;
  outcome: Outcome;
  failures: CheckFailure[];
  skipReason?: string;
  /** Statuses this case saw (a scenario may see several), for the coverage matrix. */
  observed: { operationId: string; status: number; passed: boolean }[];
  /** A `curl` command that reproduces the (last) request, credentials redacted. */
  curl?: string;
  durationMs: number;
}

export interface TargetInfo {
  kind: 'mock' | 'live';
  baseUrl: string;
}

export interface ApiRun {
  api: ApiName;
  target: TargetInfo;
  /** Every operation and its documented statuses, for the coverage matrix. */
  operations: { operationId: string; method: string; path: string; statuses: string[] }[];
  results: CaseResult[];
  /** Cases left out and why (writes guard, --grep), counted in the report. */
  leftOut: { reason: string; count: number }[];
}

export interface RunReport {
  apis: ApiRun[];
  startedAt: string;
  durationMs: number;
}

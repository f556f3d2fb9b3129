/**
 * The conformance suite's data model: what a case is, what a check found, what a run reports.
 * Every module of the suite speaks these types; none of them holds a contract fact (those are read
 * from the bundled documents) or names an API (those come from the registry).
 */
import type { Operation } from '../openapi/operations.js';

export type TargetKind = 'mock' | 'live';

/** An HTTP request the suite will send, before credentials and base URL are applied. */
export interface RequestSpec {
  method: string;
  /** Path template from the document, e.g. `/v1/influencers/{influencerId}`. */
  pathTemplate: string;
  /** Path parameter values, percent-encoded by the runner. */
  pathParams: Record<string, string>;
  /** Path parameter text already serialised and encoded (label, matrix, arrays, objects); wins over `pathParams`. */
  encodedPathParams?: Record<string, string>;
  query: Record<string, string>;
  /** More query pairs, from serialised arrays and objects (`style`/`explode`), sent after `query`. */
  queryPairs?: [string, string][];
  headers: Record<string, string>;
  /** Cookie parameters, sent in one `Cookie` header. */
  cookies?: Record<string, string>;
  /**
   * Headers the case decides itself (a header parameter it breaks or leaves out), any case: the
   * runner's extra headers (the manifest's, `--header`) of those names are not sent with it.
   */
  ownHeaders?: string[];
  /**
   * How the request authenticates: the document's scheme to use, several schemes at once (one
   * requirement naming them all), or none (a missing-credentials case).
   */
  auth:
    | { kind: 'scheme'; scheme: string }
    | { kind: 'requirement'; schemes: string[] }
    | { kind: 'none' }
    | { kind: 'malformed'; header: string; value: string }
    /** Every scheme of one requirement, each sent where it goes with a credential no server issued (`UNKNOWN_CREDENTIAL`). */
    | { kind: 'unknown'; schemes: string[] };
  /**
   * How the scheme name of an http security scheme is written in `Authorization` (default: as
   * the engine places it, `Bearer <token>`): in lower case (`bearer <token>`, the same credential:
   * RFC 9110 §11.1 makes the scheme case-insensitive), left out (the credential alone, which is
   * no credential of the scheme), or under another scheme name (`Token <token>`, no credential of
   * the scheme either).
   */
  authorizationScheme?: 'lower-case' | 'omitted' | 'other-name';
  /**
   * The credential given, respelled into one no server issued: each of its letters in the other
   * case (`Key-1` → `kEY-1`: a key or token is compared exactly), or, for a key in a header of its
   * own, preceded by a bearer scheme name (`X-Api-Key: Bearer <key>`: that header carries the key alone).
   */
  credentialRespelled?: 'letter-case' | 'bearer-prefix';
  /** JSON body (serialised by the runner; `contentType` when not application/json), or a raw string sent as is (malformed JSON), or nothing. */
  body?: { json: unknown; contentType?: string } | { raw: string; contentType: string };
}

/** The scheme name a credential is sent under to break "the scheme is this one" (`authorizationScheme: 'other-name'`): a common one that is neither bearer nor basic. */
export const OTHER_SCHEME_NAME = 'Token';

export type CaseKind = 'documented-response' | 'positive' | 'negative' | 'scenario';

/** What a case expects of the response, beyond the checks every response gets. Target-neutral. */
export interface Expectation {
  /** Acceptable statuses (document keys, e.g. `'422'`, `'2XX'`). Empty: any documented status. */
  statuses: string[];
  /** The request is one the document says is valid (a positive case): an answer naming invalid fields refuses what the document accepts. */
  valid?: true;
  /** The field a negative case broke (a body property or a parameter name), for APIs that name invalid fields. */
  fieldErrorKey?: string;
  /** Where a negative case breaks its rule, e.g. `['request', 'body', 'gender']`. */
  violationAt?: string[];
  /** A documented-response case: the status and named example the document gives for it. */
  documented?: { status: string; exampleName?: string; example?: unknown };
}

export interface TestCase {
  /** Stable, unique, human-readable id, e.g. `<api> patchThing negative body.color enum`. */
  id: string;
  api: string;
  /** The operation the case is about (scenarios: the one they are mainly about). */
  operation: Operation;
  kind: CaseKind;
  /** One line saying what the case does. */
  title: string;
  /** For negative cases: the one constraint broken, as `where: rule` (`body.name: maxLength 128`). */
  brokenRule?: string;
  request: RequestSpec;
  expect: Expectation;
  /** Whether sending it may change data (anything but GET, HEAD, OPTIONS). */
  writes: boolean;
  /**
   * Decided before anything is sent (foreign documents): the operation cannot be tested (skipped,
   * with the reason), or the document is at fault (failed under `rule`: a schema that does not
   * compile, an invalid documented example). `pointer` is the place in the document.
   */
  /** Sent, with --state-url, to a resource a provider state creates first (as negative body cases are): the body, not a missing resource, is what it tests. */
  freshResource?: true;
  /** Why a mock cannot prove this case (it is still sent to a live server). */
  mockCaveat?: string;
  preflight?: { outcome: 'skipped' | 'failed'; rule?: RuleId; reason: string; pointer: string };
}

/** The stable names of the rules a failure can break (checks, target adapters, scenarios, transport). */
export type RuleId =
  | 'status-documented'
  | 'status-expected'
  | 'content-type'
  | 'body-json'
  | 'body-unique-keys'
  | 'body-schema'
  | 'body-discriminator'
  | 'body-write-only'
  | 'no-content-framing'
  | 'header-required'
  | 'header-schema'
  | 'field-errors'
  | 'no-stack-trace'
  | 'www-authenticate'
  | 'example-body'
  | 'mock-violation'
  | 'behaviour'
  | 'schema-compile'
  | 'document-example'
  | 'document-schema'
  | 'document-path'
  | 'document-operation-id'
  | 'document-parameter'
  | 'transport';

/** One broken rule found in one response. `rule` is a stable name users can grep for. */
export interface CheckFailure {
  rule: RuleId;
  message: string;
  expected?: string;
  actual?: string;
  /** ajv instance path of a body error. */
  instancePath?: string;
  /**
   * body-schema: the value the body holds at `instancePath`, as received. Never printed (reports
   * show `message`, `expected`, `actual`); for tools that explain a failure, such as the corpus
   * test proving that a mock answered a documented example that breaks its own schema. Left out
   * for an answer over MAX_INSTANCE_VALUE_BODY characters (checks/body-schema.ts).
   */
  instanceValue?: unknown;
}

export interface ObservedResponse {
  status: number;
  headers: Record<string, string>;
  bodyText: string;
  /** Set when the body's bytes are not valid UTF-8 (`bodyText` holds U+FFFD in their place). */
  invalidUtf8?: true;
}

export type Outcome = 'passed' | 'failed' | 'skipped';

export interface CaseResult {
  testCase: TestCase;
  outcome: Outcome;
  failures: CheckFailure[];
  skipReason?: string;
  /** Statuses this case saw (a scenario may see several), for the coverage matrix. */
  observed: { operationId: string; status: number; passed: boolean; contentType?: string }[];
  /** A `curl` command that reproduces the (last) request, credentials redacted. */
  curl?: string;
  durationMs: number;
}

export interface TargetInfo {
  kind: TargetKind;
  baseUrl: string;
}

export interface ApiRun {
  api: string;
  target: TargetInfo;
  /** Every operation and its documented statuses, for the coverage matrix. */
  operations: { operationId: string; method: string; path: string; statuses: string[] }[];
  results: CaseResult[];
  /** Cases left out and why (writes guard, --grep), counted in the report. */
  leftOut: { reason: string; count: number }[];
  /** Wall time of the API's run (its cases run side by side, so not their sum). */
  durationMs: number;
  /** Set when the run checked nothing (no request sent): why, in one line. Such a run does not pass. */
  notVerified?: string;
  /** What the lenient ajv let pass in a foreign document (unknown formats, non-`u` patterns), each once. */
  notes?: string[];
}

/** What a run must reach to pass, beyond no failed check. */
export interface Gate {
  /** Accept an API whose run checked nothing (`--allow-empty`). */
  allowEmpty?: boolean;
  /** Least share (0–100) of documented (operation, status) cells exercised and passed (`--min-coverage`). */
  minCoverage?: number;
}

export interface RunReport {
  apis: ApiRun[];
  startedAt: string;
  durationMs: number;
  gate?: Gate;
}

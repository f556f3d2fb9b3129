/**
 * What a scenario works with: typed-client `fetch` that checks every response against the document
 * (documented status, content type, body schema, headers), provider states, and `expect` for the
 * behaviour the schema cannot state.
 */
import type { LoadedApi } from '../../core/loadApi.js';
import type { ProviderStates } from '../../core/providerStates/client.js';
import type { Operation } from '../../openapi/operations.js';
import { templatePattern } from '../../openapi/pathTemplate.js';
import { boundedFetch, toResponse, TransportError, type TransportLimits } from '../../core/boundedFetch.js';
import { checkResponse } from '../checks/checkResponse.js';
import type { CaseResult, CheckFailure, TargetInfo } from '../model.js';
import { contentTypeOf } from '../run/runApi.js';
import type { Redactor } from '../run/redact.js';

export class ScenarioContext {
  readonly failures: CheckFailure[] = [];
  readonly observed: CaseResult['observed'] = [];
  lastCurl = '';
  readonly #api: LoadedApi;
  readonly #operations: { op: Operation; pattern: RegExp }[];

  constructor(
    api: LoadedApi,
    readonly target: TargetInfo,
    readonly apiKey: string,
    readonly apiKeyEnv: string,
    readonly states: ProviderStates,
    readonly transport: { limits: TransportLimits; redact: Redactor },
  ) {
    this.#api = api;
    this.#operations = api.operations.map((op) => ({ op, pattern: templatePattern(op.path).pattern }));
  }

  /**
   * A `fetch` for the generated clients: sends to the target only (no redirect followed, within the
   * limits), then checks the response against the document. A request that gets no answer rejects
   * with a TransportError naming it, which ends the scenario as one `transport` failure.
   */
  readonly fetch = async (request: Request): Promise<Response> => {
    const body = request.body ? await request.clone().text() : undefined;
    const url = new URL(request.url);
    const path = url.pathname.slice(new URL(this.target.baseUrl).pathname.replace(/\/$/, '').length);
    if (url.origin !== new URL(this.target.baseUrl).origin) throw new Error(`the scenario tried to call ${url.origin}, which is not the target ${this.target.baseUrl}: nothing was sent`);
    this.lastCurl = `curl -i -X ${request.method} '${request.url}' -H "Authorization: Bearer $${this.apiKeyEnv}"${body ? ` -H 'Content-Type: application/json' --data '${body.length > 500 ? `${body.slice(0, 500)}…` : body}'` : ''}`;
    const sent: Record<string, string> = {};
    request.headers.forEach((v, k) => (sent[k] = v));
    let answer;
    try {
      answer = await boundedFetch(request.url, { method: request.method, headers: sent, ...(body !== undefined ? { body } : {}) }, this.transport.limits);
    } catch (error) {
      throw new TransportError(`${request.method} ${path}: no response: ${(error as Error).message}`);
    }
    const response = toResponse(answer, request.url);
    const text = answer.bodyText;
    const match = this.#operations.find(({ op, pattern }) => op.method === request.method.toLowerCase() && pattern.test(path));
    if (!match) {
      this.failures.push({ rule: 'behaviour', message: `the scenario called ${request.method} ${path}, which the document does not declare` });
      return response;
    }
    const headers = answer.headers;
    const failures = checkResponse({
      operation: match.op,
      doc: this.#api.doc,
      validator: this.#api.validator,
      expect: { statuses: [] },
      target: this.target.kind,
      response: { status: response.status, headers, bodyText: text, ...(answer.invalidUtf8 ? { invalidUtf8: answer.invalidUtf8 } : {}) },
      api: this.#api.entry.conformance,
      redact: this.transport.redact,
    });
    for (const f of failures) this.failures.push({ ...f, message: `${request.method} ${path}: ${f.message}` });
    this.observed.push({ operationId: match.op.operationId, status: answer.status, passed: failures.length === 0, ...contentTypeOf(headers) });
    return response;
  };

  /** Records a behaviour failure unless `condition` holds. */
  expect(condition: boolean, message: string, expected?: unknown, actual?: unknown): void {
    if (condition) return;
    const { redact } = this.transport;
    const text = (value: unknown) => (typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value)));
    this.failures.push({
      rule: 'behaviour',
      message: redact(message),
      ...(expected !== undefined ? { expected: redact.excerpt(text(expected), 300) } : {}),
      ...(actual !== undefined ? { actual: redact.excerpt(text(actual), 300) } : {}),
    });
  }
}

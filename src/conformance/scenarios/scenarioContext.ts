/**
 * What a scenario works with: typed-client `fetch` that checks every response against the document
 * (documented status, content type, body schema, headers), provider states, and `expect` for the
 * behaviour the schema cannot state.
 */
import type { LoadedApi } from '../../core/loadApi.js';
import type { ProviderStates } from '../../core/providerStates/client.js';
import type { Operation } from '../../openapi/operations.js';
import { templatePattern } from '../../openapi/pathTemplate.js';
import { checkResponse } from '../checks/checkResponse.js';
import type { CaseResult, CheckFailure, TargetInfo } from '../model.js';

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
  ) {
    this.#api = api;
    this.#operations = api.operations.map((op) => ({ op, pattern: templatePattern(op.path).pattern }));
  }

  /** A `fetch` for the generated clients: sends, then checks the response against the document. */
  readonly fetch = async (request: Request): Promise<Response> => {
    const body = request.body ? await request.clone().text() : undefined;
    this.lastCurl = `curl -i -X ${request.method} '${request.url}' -H "Authorization: Bearer $${this.apiKeyEnv}"${body ? ` -H 'Content-Type: application/json' --data '${body.length > 500 ? `${body.slice(0, 500)}…` : body}'` : ''}`;
    const response = await fetch(request, { redirect: 'manual' });
    const text = await response.clone().text();
    const path = new URL(request.url).pathname.slice(new URL(this.target.baseUrl).pathname.replace(/\/$/, '').length);
    const match = this.#operations.find(({ op, pattern }) => op.method === request.method.toLowerCase() && pattern.test(path));
    if (!match) {
      this.failures.push({ rule: 'behaviour', message: `the scenario called ${request.method} ${path}, which the document does not declare` });
      return response;
    }
    const headers: Record<string, string> = {};
    response.headers.forEach((v, k) => (headers[k.toLowerCase()] = v));
    const failures = checkResponse({
      operation: match.op,
      validator: this.#api.validator,
      expect: { statuses: [] },
      target: this.target.kind,
      response: { status: response.status, headers, bodyText: text },
      api: this.#api.entry.conformance,
    });
    for (const f of failures) this.failures.push({ ...f, message: `${request.method} ${path}: ${f.message}` });
    this.observed.push({ operationId: match.op.operationId, status: response.status, passed: failures.length === 0 });
    return response;
  };

  /** Records a behaviour failure unless `condition` holds. */
  expect(condition: boolean, message: string, expected?: unknown, actual?: unknown): void {
    if (condition) return;
    this.failures.push({
      rule: 'behaviour',
      message,
      ...(expected !== undefined ? { expected: typeof expected === 'string' ? expected : JSON.stringify(expected) } : {}),
      ...(actual !== undefined ? { actual: typeof actual === 'string' ? actual : JSON.stringify(actual)?.slice(0, 300) } : {}),
    });
  }
}

import type { ApiName } from '../model.js';

export type StateName =
  | 'influencer exists'
  | 'social account exists'
  | 'social account exists in another organization'
  | 'api key without scope'
  | 'posts exist'
  | 'partners exist';

interface SetUp {
  api: ApiName;
  state: StateName;
  params: Record<string, unknown>;
  data: Record<string, unknown>;
}

/**
 * Client of a target's provider-state endpoint (see provider-states.schema.json). Remembers every
 * state it set up and tears down exactly those, newest first.
 */
export class ProviderStates {
  readonly #url: string;
  readonly #api: ApiName;
  readonly #created: SetUp[] = [];

  constructor(url: string, api: ApiName) {
    this.#url = url;
    this.#api = api;
  }

  async #post(body: Record<string, unknown>): Promise<Response> {
    return fetch(this.#url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(60_000) });
  }

  /** Sets up `state` and returns its data (the ids it created). Throws quoting the target's answer. */
  async setup<T extends Record<string, unknown>>(state: StateName, params: Record<string, unknown> = {}): Promise<T> {
    const response = await this.#post({ action: 'setup', api: this.#api, state, params });
    const text = await response.text();
    if (response.status !== 200) throw new Error(`provider state '${state}' setup answered ${response.status}: ${text.slice(0, 300)}`);
    let data: unknown;
    try {
      data = (JSON.parse(text) as { data?: unknown }).data;
    } catch {
      throw new Error(`provider state '${state}' setup answered non-JSON: ${text.slice(0, 300)}`);
    }
    if (typeof data !== 'object' || data === null) throw new Error(`provider state '${state}' setup answered no data object`);
    this.#created.push({ api: this.#api, state, params, data: data as Record<string, unknown> });
    return data as T;
  }

  /** Tears down every state this instance set up; returns the errors (a teardown failure is reported, not thrown). */
  async teardownAll(): Promise<string[]> {
    const errors: string[] = [];
    while (this.#created.length > 0) {
      const s = this.#created.pop() as SetUp;
      try {
        const response = await this.#post({ action: 'teardown', ...s });
        if (response.status !== 200 && response.status !== 204) errors.push(`teardown of '${s.state}' answered ${response.status}`);
      } catch (error) {
        errors.push(`teardown of '${s.state}' failed: ${(error as Error).message}`);
      }
    }
    return errors;
  }
}

/**
 * Client of a target's provider-state endpoint (see generated/provider-states.schema.json).
 * Remembers every state it set up and tears down exactly those, newest first. The data each setup
 * answers is checked against the state's `data` schema before a scenario uses it.
 */
import { boundedFetch, DEFAULT_LIMITS, TransportError, type BoundedResponse, type TransportLimits } from '../boundedFetch.js';
import type { ProviderStateProtocol } from './protocol.js';

export interface ProviderStatesOptions {
  /** Time and size limits of each setup and teardown (no redirect is ever followed). */
  limits?: TransportLimits;
  /** How an answer is quoted in an error: cut to `max` characters (the suite passes its redactor's). */
  excerpt?: (text: string, max: number) => string;
  /** Told each secret a setup answers (a data member the protocol marks so), before anything uses it: the suite redacts it from then on. */
  onSecret?: (secret: string) => void;
}

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…` : text);

interface SetUp {
  state: string;
  params: Record<string, unknown>;
  data: Record<string, unknown>;
}

export class ProviderStates {
  readonly #created: SetUp[] = [];

  readonly #limits: TransportLimits;
  readonly #excerpt: (text: string, max: number) => string;
  readonly #onSecret: (secret: string) => void;

  constructor(
    readonly url: string,
    readonly api: string,
    readonly protocol: ProviderStateProtocol,
    options: ProviderStatesOptions = {},
  ) {
    this.#limits = options.limits ?? DEFAULT_LIMITS;
    this.#excerpt = options.excerpt ?? cut;
    this.#onSecret = options.onSecret ?? (() => undefined);
  }

  /** One exchange with the endpoint; a failure to get an answer rejects with a TransportError saying why. */
  async #post(body: { action: string; state: string } & Record<string, unknown>): Promise<BoundedResponse> {
    try {
      return await boundedFetch(this.url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }, this.#limits);
    } catch (error) {
      throw new TransportError(`provider state '${body.state}' ${body.action}: no response: ${(error as Error).message}`);
    }
  }

  /** Sets up `state` and returns its data (the ids it created). Throws quoting the target's answer. */
  async setup<T extends Record<string, unknown>>(state: string, params: Record<string, unknown> = {}): Promise<T> {
    if (!this.protocol.states(this.api).includes(state)) throw new Error(`${this.api} declares no provider state '${state}'`);
    const response = await this.#post({ action: 'setup', api: this.api, state, params });
    const text = response.bodyText;
    if (response.status !== 200) throw new Error(`provider state '${state}' setup answered ${response.status}: ${this.#excerpt(text, 300)}`);
    let data: unknown;
    try {
      data = (JSON.parse(text) as { data?: unknown }).data;
    } catch {
      throw new Error(`provider state '${state}' setup answered non-JSON: ${this.#excerpt(text, 300)}`);
    }
    if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new Error(`provider state '${state}' setup answered no data object`);
    // A secret is one from the moment it is answered, valid or not: every later quote of an answer hides it.
    for (const name of this.protocol.secretData(this.api, state)) {
      const secret = (data as Record<string, unknown>)[name];
      if (typeof secret === 'string') this.#onSecret(secret);
    }
    this.#created.push({ state, params, data: data as Record<string, unknown> });
    const problems = this.protocol.dataProblems(this.api, state, data);
    if (problems.length > 0) throw new Error(`provider state '${state}' answered data the protocol does not allow: ${problems.join('; ')}`);
    return data as T;
  }

  /** Tears down the last set-up of `state` now (a kill switch turned off mid-scenario); throws quoting the target's answer. */
  async teardown(state: string): Promise<void> {
    const index = this.#created.map((s) => s.state).lastIndexOf(state);
    if (index < 0) throw new Error(`provider state '${state}' was not set up, so it cannot be torn down`);
    const [s] = this.#created.splice(index, 1) as [SetUp];
    const response = await this.#post({ action: 'teardown', api: this.api, ...s });
    if (response.status !== 200 && response.status !== 204) throw new Error(`provider state '${state}' teardown answered ${response.status}: ${this.#excerpt(response.bodyText, 300)}`);
  }

  /** Tears down every state this instance set up; returns the errors (a teardown failure is reported, not thrown). */
  async teardownAll(): Promise<string[]> {
    const errors: string[] = [];
    while (this.#created.length > 0) {
      const s = this.#created.pop() as SetUp;
      try {
        const response = await this.#post({ action: 'teardown', api: this.api, ...s });
        if (response.status !== 200 && response.status !== 204) errors.push(`teardown of '${s.state}' answered ${response.status}`);
      } catch (error) {
        errors.push((error as Error).message);
      }
    }
    return errors;
  }
}

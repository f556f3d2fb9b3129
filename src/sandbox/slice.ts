/**
 * What one API's slice of the sandbox is: everything that is about that API, behind one module
 * (`apis/<api>/index.ts`, whose default export is a `SandboxSlice`). The server, the CLI, the
 * provider-state endpoint, the banner, the migration runner and the bench gather the slices from
 * the registry (entries with `sandbox: true`) and never name an API.
 */
import type { LoadedApi } from '../core/loadApi.js';
import type { Faults } from './http/faults.js';
import type { HttpResult, SandboxRequest } from './http/httpTypes.js';
import type { RateLimiter } from './http/rateLimiter.js';
import type { Route } from './http/routeTable.js';
import type { Db } from './store/sqlDb.js';

/** What a slice's handler is built from. */
export interface SliceContext<S> {
  api: LoadedApi;
  store: S;
  rateLimiter: RateLimiter;
  /** Read on every call, so a test may change it while the server runs. */
  faults: Faults;
  log: (line: string) => void;
}

/** Answers one request already routed to one of the API's operations. */
export type ApiHandler = (request: SandboxRequest, route: Route, pathParams: Record<string, string>) => Promise<HttpResult>;

/**
 * A request under the API's paths (see routeTable.ts) that no operation of it takes: no operation
 * has the path (404), or none on it has the method (405; the server adds `Allow`).
 */
export interface Unrouted {
  /** 404: no operation at the path; 405: the path takes other methods; 431: the request headers are over the limit (never read further). */
  status: 404 | 405 | 431;
  method: string;
  pathname: string;
  /** For a 405: the methods the path takes, as `Allow` lists them. */
  allow?: string;
}

/** The API's answer to an unrouted request, in its own envelope. */
export type UnroutedHandler = (miss: Unrouted) => HttpResult;

/** A provider state's data and params, as the protocol carries them. */
export type StateData = Record<string, unknown>;

/** One provider state of the protocol (generated/provider-states.schema.json), done in the demo tenant. */
export interface ProviderState {
  setup(params: StateData): Promise<StateData>;
  /** Removes exactly what the setup that answered `data` created. */
  teardown(data: StateData, params: StateData): Promise<void>;
}

/** A provider state's request the slice refuses (answered 400 with this message). */
export class BadState extends Error {
  override name = 'BadState';
}

export interface StatesContext<S, D> {
  api: LoadedApi;
  store: S;
  /** The demo tenant the states act in (seeded once). */
  demo: () => Promise<D>;
  /** The server's rate limiter (`rate limit exhausted` empties a key's bucket). */
  rateLimiter: RateLimiter;
  /** The server's live fault hook (`next request fails` arms a one-shot failure). */
  faults: Faults;
}

/** The slice's part of the start banner. */
export interface BannerPart {
  /** The API and its paths, e.g. `Petstore  /pets`. */
  heading: string;
  /** Label and value, e.g. `['API key', '…']`. */
  lines: [string, string][];
  /** One curl that works against the demo tenant as printed. */
  curl: string;
  /** The demo key the conformance suite is run with (the registry names its variable). */
  apiKey: string;
}

/** One workload of `npm run bench`: what to load the sandbox with, and the same against Prism. */
export interface BenchWorkload {
  operation: string;
  /** `autocannon` requests; `paths` instead of one `path` sends each once. */
  load?: { method: 'GET' | 'PATCH' | 'DELETE'; path?: string; paths?: string[]; headers: Record<string, string>; bodies?: string[] };
  /** Timed one by one instead of under load (large bodies). */
  timed?: { method: string; path: string; headers: Record<string, string>; bodies: string[] };
}

/**
 * The bench's hand-written ceiling: the same store calls (so the same driver and statements) as
 * the slice's handler, answered straight from `node:http` without the sandbox's HTTP layer,
 * validation or envelopes. `undefined`: not one of this slice's bench requests.
 */
export type BenchCeiling = (request: { method: string; path: string; authorization: string | undefined; body: string }) => Promise<{ status: number; body: string } | undefined>;

export interface SandboxSlice<S = unknown, D = unknown> {
  /** The folder of the slice's migrations (`NNN_name.sql`), recorded as `<api>/NNN`. */
  migrations: URL;
  /**
   * Each SQL CHECK of the migrations that restates a contract fact, as `table.column` → the JSON
   * pointer of the document's schema it must equal (enum, or minLength/maxLength); `null` for a
   * column of the slice's own state the document has no schema for. A test compares them.
   */
  checkedColumns: Record<string, string | null>;
  /** Where the slice's store can be made to fail on purpose (`--fault`). */
  faultPoints: readonly string[];
  createStore(db: Db, api: LoadedApi): S;
  /** Creates the demo tenant (idempotent: the same keys on every start); its scopes come from `api`. */
  seedDemo(db: Db, api: LoadedApi): Promise<D>;
  createHandler(ctx: SliceContext<S>): ApiHandler;
  /** The API's own 404 and 405 for paths under its prefix; without it they are the sandbox's neutral ones. */
  unrouted?(api: LoadedApi): UnroutedHandler;
  /** The slice's provider states, by name: exactly the states of its `provider-states.yaml`. */
  states(ctx: StatesContext<S, D>): Record<string, ProviderState>;
  banner(demo: D, baseUrl: string): BannerPart;
  /** Bench workloads against this sandbox (`sandbox`) and against Prism of the document (`prism`). */
  bench?(ctx: { store: S; demo: D }): Promise<{ sandbox: BenchWorkload[]; prism: BenchWorkload[]; ceiling?: BenchCeiling }>;
}

/** Declares a slice with its store and demo types kept (for the slice's own tests). */
export const defineSlice = <S, D>(slice: SandboxSlice<S, D>): SandboxSlice<S, D> => slice;

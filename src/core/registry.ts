/**
 * The API registry: the one list of the APIs this project knows, as `npm run generate` writes it
 * into `generated/registry.json` from redocly.yaml's `apis:` and each API's manifest
 * (`openapi/<api>/api.yaml`). The suite, the sandbox, the docs and the bench iterate over it; no
 * code outside an API's own slice names an API.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** What an API's manifest says: how tools outside its document reach it. */
export interface ApiManifest {
  credentials: {
    /** The key: the environment variable that holds it (never printed) and what it is. */
    apiKey: { env: string; description: string };
    /** Extra headers sent on every request when their variable is set (a profile or tenant header). */
    headers: { header: string; env: string; option: string; description: string }[];
  };
  conformance: {
    /** JSON pointer, in an error body, of the object naming each invalid field (`/error/details/fieldErrors`). */
    fieldErrors?: string;
    /** The suite has behaviour scenarios for this API (src/conformance/apis/<name>/). */
    scenarios: boolean;
  };
  /** The sandbox has a slice for this API (src/sandbox/apis/<name>/). */
  sandbox: boolean;
}

/** A provider state that creates the resource a path parameter names (`creates: { parameter }` in provider-states.yaml). */
export interface ResourceState {
  /** The state to set up. */
  state: string;
  /** Its params. */
  params: Record<string, unknown>;
  /** The key of its data that holds the parameter's value. */
  data: string;
}

/**
 * A provider state that creates the resources a request body names (`creates: { body }` in
 * provider-states.yaml): the ids at `body`, a JSON pointer into the body whose `*` segments stand
 * for every item of an array, are taken from the array (or string) at `data` of its answer.
 */
export interface BodyResourceState extends ResourceState {
  /** JSON pointer into the request body, `*` for each item of an array (`/ids/*`, `/id`). */
  body: string;
  /** The param set to how many distinct ids the body needs, and the largest value its schema allows. */
  countParam?: { name: string; maximum?: number };
}

export interface RegistryEntry extends ApiManifest {
  /** Key in redocly.yaml `apis:`, folder name under openapi/ and generated/. */
  name: string;
  /** The bundled document, relative to the registry's folder. */
  document: string;
  /** Path parameters whose resource a provider state creates, by parameter name. */
  resources?: Record<string, ResourceState>;
  /** Request-body ids whose resources a provider state creates. */
  bodyResources?: BodyResourceState[];
  /** Set on an ad-hoc entry (`--spec <name>=<source>`): the document's file or loopback URL, read as it is. */
  source?: string;
}

/**
 * An ad-hoc entry for a document given on the command line (`--spec <name>=<source>`): no
 * scenarios, no sandbox, no key variable (credentials come from `--header`).
 */
export function adHocEntry(name: string, source: string): RegistryEntry {
  return {
    name,
    document: source,
    source,
    credentials: { apiKey: { env: '', description: 'none: pass --header' }, headers: [] },
    conformance: { scenarios: false },
    sandbox: false,
  };
}

export interface Registry {
  /** The folder `registry.json` was read from (generated/). */
  dir: string;
  apis: RegistryEntry[];
  /** The entry of `name`; throws naming the known APIs when there is none. */
  get(name: string): RegistryEntry;
  /** Absolute path of an API's bundled document. */
  documentFile(name: string): string;
  /** Absolute path of the provider-state protocol schema. */
  providerStatesSchemaFile: string;
}

export const REGISTRY_FILE = 'registry.json';

/** `generated/` of this package, found by walking up from this module (source or compiled). */
export function defaultRegistryDir(): string {
  let dir = import.meta.dirname;
  for (;;) {
    const candidate = join(dir, 'generated', REGISTRY_FILE);
    if (existsSync(candidate)) return dirname(candidate);
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find generated/${REGISTRY_FILE} above ${import.meta.dirname}: run \`npm run generate\``);
    dir = parent;
  }
}

/** Reads `<dir>/registry.json` (default: this package's generated/). Errors name the file. */
export function loadRegistry(dir: string = defaultRegistryDir()): Registry {
  const absolute = resolve(dir);
  const file = join(absolute, REGISTRY_FILE);
  let parsed: { apis?: RegistryEntry[] };
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8')) as { apis?: RegistryEntry[] };
  } catch (error) {
    throw new Error(`cannot read the API registry ${file}: ${(error as Error).message}`);
  }
  if (!Array.isArray(parsed.apis)) throw new Error(`${file} lists no apis`);
  const apis = parsed.apis;
  return {
    dir: absolute,
    apis,
    get(name) {
      const entry = apis.find((a) => a.name === name);
      if (!entry) throw new Error(`no API named '${name}' in the registry (known: ${apis.map((a) => a.name).join(', ')})`);
      return entry;
    },
    documentFile(name) {
      return join(absolute, this.get(name).document);
    },
    providerStatesSchemaFile: join(absolute, 'provider-states.schema.json'),
  };
}

/**
 * The API registry as written by hand: the `apis:` of redocly.yaml, and beside each document its
 * manifest (`api.yaml`) and, optionally, its provider states (`provider-states.yaml`). Every
 * command that iterates over the APIs starts here (generate) or from what generate writes
 * (`generated/registry.json`, read by src/core/registry.ts).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseYaml } from '@redocly/openapi-core';
import type { ApiManifest, RegistryEntry } from '../../src/core/registry.js';

const NAME = /^[a-z][a-z0-9-]*$/;

class RegistryError extends Error {}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

async function readYaml(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new RegistryError(`${file} is missing`);
  }
  try {
    return parseYaml(text);
  } catch (error) {
    throw new RegistryError(`${file} is not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
}

function str(value: unknown, where: string, optional = false): string | undefined {
  if (value === undefined && optional) return undefined;
  if (typeof value !== 'string' || value.trim() === '') throw new RegistryError(`${where} must be a non-empty string`);
  return value;
}

/** Reads and checks one manifest; every problem names the file and the field. */
function toManifest(raw: unknown, file: string): ApiManifest {
  if (!isObject(raw)) throw new RegistryError(`${file} must be a YAML mapping`);
  const known = new Set(['credentials', 'conformance', 'sandbox']);
  for (const key of Object.keys(raw)) if (!known.has(key)) throw new RegistryError(`${file}: unknown field '${key}' (known: ${[...known].join(', ')})`);
  const credentials = isObject(raw.credentials) ? raw.credentials : undefined;
  const apiKey = isObject(credentials?.apiKey) ? credentials.apiKey : undefined;
  const env = str(apiKey?.env, `${file}: credentials.apiKey.env`) as string;
  if (!/^[A-Z_][A-Z0-9_]*$/.test(env)) throw new RegistryError(`${file}: credentials.apiKey.env '${env}' is not an environment variable name`);
  const headersRaw = credentials?.headers ?? [];
  if (!Array.isArray(headersRaw)) throw new RegistryError(`${file}: credentials.headers must be a list`);
  const headers = headersRaw.map((h, i) => {
    const where = `${file}: credentials.headers[${i}]`;
    if (!isObject(h)) throw new RegistryError(`${where} must be a mapping`);
    return {
      header: str(h.header, `${where}.header`) as string,
      env: str(h.env, `${where}.env`) as string,
      option: str(h.option, `${where}.option`) as string,
      description: str(h.description, `${where}.description`) as string,
    };
  });
  const conformance = raw.conformance === undefined ? {} : raw.conformance;
  if (!isObject(conformance)) throw new RegistryError(`${file}: conformance must be a mapping`);
  const fieldErrors = str(conformance.fieldErrors, `${file}: conformance.fieldErrors`, true);
  if (fieldErrors !== undefined && !fieldErrors.startsWith('/')) throw new RegistryError(`${file}: conformance.fieldErrors must be a JSON pointer (/a/b)`);
  if (conformance.scenarios !== undefined && typeof conformance.scenarios !== 'boolean') throw new RegistryError(`${file}: conformance.scenarios must be true or false`);
  if (raw.sandbox !== undefined && typeof raw.sandbox !== 'boolean') throw new RegistryError(`${file}: sandbox must be true or false`);
  return {
    credentials: {
      apiKey: { env, description: str(apiKey?.description, `${file}: credentials.apiKey.description`) as string },
      headers,
    },
    conformance: { ...(fieldErrors ? { fieldErrors } : {}), scenarios: conformance.scenarios === true },
    sandbox: raw.sandbox === true,
  };
}

export interface SourceApi extends RegistryEntry {
  /** The document's root file, relative to the project root (from redocly.yaml). */
  root: string;
  /** Provider states (state name → { description, params, data } JSON Schemas), if the API has any. */
  providerStates: Record<string, unknown>;
}

/** Every API of `projectRoot`'s redocly.yaml, in its order, with its manifest. */
export async function readRegistry(projectRoot: string): Promise<SourceApi[]> {
  const configFile = join(projectRoot, 'redocly.yaml');
  const config = await readYaml(configFile);
  const apis = isObject(config) && isObject(config.apis) ? config.apis : undefined;
  if (!apis || Object.keys(apis).length === 0) throw new RegistryError(`${configFile} has no apis:`);
  const entries: SourceApi[] = [];
  for (const [name, value] of Object.entries(apis)) {
    if (!NAME.test(name)) throw new RegistryError(`${configFile}: API name '${name}' must be lower case letters, digits and dashes`);
    const root = isObject(value) ? str(value.root, `${configFile}: apis.${name}.root`) as string : '';
    const folder = dirname(root);
    const manifestFile = join(folder, 'api.yaml');
    const manifest = toManifest(await readYaml(join(projectRoot, manifestFile)), manifestFile);
    const statesFile = join(projectRoot, folder, 'provider-states.yaml');
    const states = existsSync(statesFile) ? await readYaml(statesFile) : {};
    if (!isObject(states)) throw new RegistryError(`${join(folder, 'provider-states.yaml')} must be a mapping of state names`);
    entries.push({ name, root, document: `${name}/openapi.json`, ...manifest, providerStates: states });
  }
  return entries;
}

export { RegistryError };

import { access, readFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { compileConsumers, type ConsumerError, type SourceFileCache } from './compileConsumers.js';
import { diffDocuments, type DocumentChange } from './diffDocuments.js';
import { findRelease, type Release } from './findRelease.js';
import { listApis } from './listApis.js';
import { allowedLevel, levelRank, maxLevel, nextVersion, type Level } from './semver.js';

/** Consumer files written against the last release's types, one per API: `<api>.ts`. */
export const CONSUMERS_DIR = join('tests', 'fixtures', 'release', 'consumer');

export interface ApiReport {
  api: string;
  /** The document's `info.version` at the release; undefined for an API the release did not have. */
  releasedVersion: string | undefined;
  /** The current document's `info.version`; undefined for an API that was removed. */
  version: string | undefined;
  changes: DocumentChange[];
  /** Compile errors of the API's consumer file against the current types: each one is breaking. */
  consumerErrors: ConsumerError[];
  /** The bump the changes need, and the one the document's `info.version` declares. */
  needed: Level;
  declared: Level;
}

export interface ReleaseReport {
  release: Release;
  packageVersion: string;
  apis: ApiReport[];
  needed: Level;
  declared: Level;
  strict: boolean;
  /** Why the check fails, one line each; empty when it passes. */
  problems: string[];
}

export interface CheckOptions {
  /**
   * false (CI, the default): fail only when a breaking change is not declared by a breaking
   * version step; compatible changes wait for the next release. true (before recording a
   * release): every change must be covered by the declared step.
   */
  strict?: boolean;
  /** Parsed library files to share between runs (tests); one run shares its own by default. */
  cache?: SourceFileCache;
}

async function readJson(file: string): Promise<Record<string, unknown>> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    throw new Error(`${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function infoVersion(file: string): Promise<string> {
  const doc = await readJson(file);
  const version = (doc.info as { version?: unknown } | undefined)?.version;
  if (typeof version !== 'string') throw new Error(`${file}: no info.version`);
  return version;
}

/** package.json's `version`. */
export async function packageVersion(root: string): Promise<string> {
  const version = (await readJson(join(root, 'package.json'))).version;
  if (typeof version !== 'string') throw new Error(`${join(root, 'package.json')}: no version`);
  return version;
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

const errorKey = (e: ConsumerError): string => `${e.file}:${e.line}:${e.code}`;

/**
 * The release's consumer files, checked first against the release's own types: an error there is
 * a fault of the fixture, reported as such and not counted as a breaking change. Returns the files
 * and the keys of those errors.
 */
async function consumerFiles(root: string, release: Release, problems: string[], cache: SourceFileCache): Promise<{ files: string[]; ownErrors: Set<string> }> {
  const files: string[] = [];
  for (const api of release.apis) {
    const file = join(root, CONSUMERS_DIR, `${api}.ts`);
    if (await exists(file)) files.push(file);
    else problems.push(`${relative(root, file)} is missing: every released API needs a consumer file written against its types`);
  }
  const own = compileConsumers(files, release.dir, root, cache);
  for (const error of own) {
    problems.push(`${error.file}:${error.line} does not compile against its own release v${release.version} (fix the fixture): TS${error.code} ${error.message}`);
  }
  return { files, ownErrors: new Set(own.map(errorKey)) };
}

function needs(what: string, needed: Level, declared: Level, released: string, current: string, strict: boolean): string | undefined {
  const failing = strict ? levelRank(needed) > levelRank(declared) : needed === 'major' && declared !== 'major';
  if (!failing) return undefined;
  const kind = needed === 'major' ? 'breaking' : needed === 'minor' ? 'added (minor)' : 'patch';
  return `${what}: ${kind} changes need version ${nextVersion(released, needed)} or later (released ${released}, now ${current})`;
}

/** One API's document at the release and now: both versions and the rated changes. */
async function compareDocument(root: string, release: Release, api: string, inTree: boolean) {
  const released = join(release.dir, api, 'openapi.json');
  const now = join(root, 'generated', api, 'openapi.json');
  const inRelease = release.apis.includes(api);
  const diff = inRelease && inTree ? diffDocuments(released, now, root) : undefined;
  diff?.catch(() => undefined); // awaited below; this only keeps an early failure from going unhandled
  const releasedVersion = inRelease ? await infoVersion(released) : undefined;
  const version = inTree ? await infoVersion(now) : undefined;
  let changes: DocumentChange[];
  if (diff) changes = await diff;
  else {
    const location = relative(root, inTree ? now : released);
    changes = [{ level: inTree ? 'minor' : 'major', kind: inTree ? 'added' : 'removed', where: `API ${api}`, message: inTree ? 'API added' : 'API removed from redocly.yaml', rules: [], location }];
  }
  return { api, releasedVersion, version, changes };
}

/**
 * Compares every API of redocly.yaml (its bundled document in `generated/<api>/openapi.json` and
 * its generated types) with the last release in `releases/`, and says whether package.json's
 * version and each document's `info.version` declare a big enough step.
 */
export async function checkRelease(root: string, options: CheckOptions = {}): Promise<ReleaseReport> {
  const strict = options.strict ?? false;
  const release = await findRelease(root);
  if (!release) throw new Error(`no release under ${join(root, 'releases')}: record the first one with \`npm run release:record\``);
  const pkgVersion = await packageVersion(root);
  const pkgDeclared = allowedLevel(release.version, pkgVersion, 'package.json');
  const current = await listApis(root);
  const problems: string[] = [];

  const names = [...current, ...release.apis.filter((api) => !current.includes(api))];
  // The document diffs run as child processes while this process compiles the consumer files.
  const documents = Promise.all(names.map((api) => compareDocument(root, release, api, current.includes(api))));
  documents.catch(() => undefined); // awaited below; this only keeps an early failure from going unhandled
  const cache = options.cache ?? new Map();
  const { files, ownErrors } = await consumerFiles(root, release, problems, cache);
  const consumerErrors = compileConsumers(files, join(root, 'generated'), root, cache).filter((e) => !ownErrors.has(errorKey(e)));

  const apis: ApiReport[] = [];
  for (const document of await documents) {
    const errors = consumerErrors.filter((e) => basename(e.file, '.ts') === document.api);
    const needed = maxLevel([...document.changes.map((c) => c.level), ...(errors.length ? (['major'] as const) : [])]);
    const { releasedVersion, version } = document;
    const where = `generated/${document.api}/openapi.json`;
    const declared = releasedVersion && version ? allowedLevel(releasedVersion, version, `${where} info.version`) : 'major';
    if (releasedVersion && version) {
      const problem = needs(`${document.api} (info.version in ${where})`, needed, declared, releasedVersion, version, strict);
      if (problem) problems.push(problem);
    }
    apis.push({ ...document, consumerErrors: errors, needed, declared });
  }

  const stray = consumerErrors.filter((e) => !names.includes(basename(e.file, '.ts')));
  const needed = maxLevel([...apis.map((a) => a.needed), ...(stray.length ? (['major'] as const) : [])]);
  for (const error of stray) problems.push(`${error.file}:${error.line}: TS${error.code} ${error.message}`);
  const problem = needs('package.json', needed, pkgDeclared, release.version, pkgVersion, strict);
  if (problem) problems.push(problem);
  return { release, packageVersion: pkgVersion, apis, needed, declared: pkgDeclared, strict, problems };
}

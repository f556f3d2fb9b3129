import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { findRelease } from '../../scripts/diff/findRelease.js';
import { nextVersion } from '../../scripts/diff/semver.js';
import { renderIndex } from '../../scripts/generate/renderIndex.js';
import { renderTypes } from '../../scripts/generate/renderTypes.js';
import { projectRoot } from './runCommand.js';

/** What `npm run diff` reads: a temporary copy of it is a project the tests may change. */
const RELEASE_INPUTS = ['redocly.yaml', 'package.json', 'CHANGELOG.md', 'releases', 'generated', join('tests', 'fixtures', 'release')];

export type OpenApiJson = Record<string, any>;

/**
 * Copies the guard's inputs (documents, generated types, the release, the consumer files) to a
 * temporary folder, where the release is then made the current documents (each keeping its
 * released `info.version`): a test sees only the changes it makes itself, not the compatible ones
 * waiting in the tree for the next release.
 */
export async function copyReleaseProject(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'contracts-release-'));
  for (const item of RELEASE_INPUTS) await cp(join(projectRoot, item), join(root, item), { recursive: true });
  const release = await findRelease(root);
  for (const api of release?.apis ?? []) {
    const dir = join((release as NonNullable<typeof release>).dir, api);
    for (const file of ['client.ts', 'index.ts', 'schema.ts']) await cp(join(root, 'generated', api, file), join(dir, file));
    const released = (JSON.parse(await readFile(join(dir, 'openapi.json'), 'utf8')) as OpenApiJson).info.version as string;
    const current = JSON.parse(await readFile(join(root, 'generated', api, 'openapi.json'), 'utf8')) as OpenApiJson;
    current.info.version = released;
    await writeFile(join(dir, 'openapi.json'), `${JSON.stringify(current, null, 2)}\n`);
  }
  return root;
}

/**
 * Edits `generated/<api>/openapi.json` of a copy and regenerates its `schema.ts` and `index.ts`
 * the way `npm run generate` does, as if the document under openapi/ had been edited.
 */
export async function editDocument(root: string, api: string, edit: (doc: OpenApiJson) => void): Promise<void> {
  const file = join(root, 'generated', api, 'openapi.json');
  const doc = JSON.parse(await readFile(file, 'utf8')) as OpenApiJson;
  edit(doc);
  await writeFile(file, `${JSON.stringify(doc, null, 2)}\n`);
  await writeFile(join(root, 'generated', api, 'schema.ts'), await renderTypes(pathToFileURL(file)));
  await writeFile(join(root, 'generated', api, 'index.ts'), renderIndex(Object.keys(doc.components?.schemas ?? {})));
}

/** Sets package.json's version in a copy. */
export async function setPackageVersion(root: string, version: string): Promise<void> {
  const file = join(root, 'package.json');
  const pkg = JSON.parse(await readFile(file, 'utf8')) as { version: string };
  pkg.version = version;
  await writeFile(file, `${JSON.stringify(pkg, null, 2)}\n`);
}

/**
 * The versions the guard's messages name, read from the project rather than written into the
 * tests, so they keep testing the guard after every release: the committed release
 * (`releases/v<version>/`), package.json's version now, and each API's `info.version` as released
 * and as generated now; `next(version, level)` is the lowest version that covers a change of `level`.
 */
export interface ProjectVersions {
  released: string;
  now: string;
  api: Record<string, { released: string; now: string }>;
  next: typeof nextVersion;
}

export async function projectVersions(): Promise<ProjectVersions> {
  const release = await findRelease(projectRoot);
  if (!release) throw new Error('no committed release under releases/');
  const infoVersion = async (file: string) => (JSON.parse(await readFile(file, 'utf8')) as OpenApiJson).info.version as string;
  const api: ProjectVersions['api'] = {};
  for (const name of release.apis) {
    api[name] = { released: await infoVersion(join(release.dir, name, 'openapi.json')), now: await infoVersion(join(projectRoot, 'generated', name, 'openapi.json')) };
  }
  const now = (JSON.parse(await readFile(join(projectRoot, 'package.json'), 'utf8')) as { version: string }).version;
  return { released: release.version, now, api, next: nextVersion };
}

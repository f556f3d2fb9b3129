import { appendFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runBin } from '../support/runCommand.js';
import { copyReleaseProject, editDocument, projectVersions, setPackageVersion, type OpenApiJson, type ProjectVersions } from '../support/releaseProject.js';

const copies: string[] = [];
// Versions are the project's own (see projectVersions), so the tests outlive each release.
let v: ProjectVersions;
beforeAll(async () => {
  v = await projectVersions();
});
afterEach(async () => {
  await Promise.all(copies.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function copy(): Promise<string> {
  const root = await copyReleaseProject();
  copies.push(root);
  return root;
}

const diff = (root: string, ...args: string[]) => runBin('tsx', ['scripts/diff/main.ts', '--root', root, ...args]);

const addOperation = (doc: OpenApiJson): void => {
  const item = doc.paths['/v1/social-accounts/{socialAccountId}'];
  item.get = { ...item.delete, operationId: 'getSocialAccount', summary: 'Read a social account' };
};

// Each run starts tsx, TypeScript and three Redocly processes: on a busy machine that is slow.
describe('npm run diff (the command)', { timeout: 180_000 }, () => {
  it('exits 1 on an undeclared breaking change and prints the change and the bump it needs', async () => {
    const root = await copy();
    await editDocument(root, 'layers', (doc) => {
      delete doc.paths['/v1/influencers/{influencerId}'].get.responses['403'];
    });
    const result = await diff(root);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toContain('GET /v1/influencers/{influencerId} responses/403: Response `403` was removed.');
    expect(result.stdout).toContain(`FAIL package.json: breaking changes need version ${v.next(v.released, 'major')} or later (released ${v.released}, now ${v.now})`);
  });

  it('--changelog drafts an entry for package.json\'s version from the changes', async () => {
    const root = await copy();
    await editDocument(root, 'layers', addOperation);
    const next = v.next(v.released, 'minor');
    await setPackageVersion(root, next);
    const result = await diff(root, '--changelog');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^## \\[${next.replaceAll('.', '\\.')}\\] - \\d{4}-\\d{2}-\\d{2}$`, 'm'));
    expect(result.stdout).toContain('### Added\n\n- layers: `GET /v1/social-accounts/{socialAccountId}`: added');
    expect(result.stderr).toContain('OK: the declared versions cover every breaking change.');
  });

  it('--record writes releases/v<version> from generated/ and removes the previous release', async () => {
    const root = await copy();
    const next = v.next(v.released, 'minor');
    await editDocument(root, 'layers', (doc) => {
      addOperation(doc);
      doc.info.version = v.next(v.api.layers!.released, 'minor');
    });
    await setPackageVersion(root, next);
    await appendFile(join(root, 'CHANGELOG.md'), `\n## [${next}] - 2026-12-02\n\n### Added\n\n- Layers: read a social account.\n`);
    const recorded = await diff(root, '--record');
    expect(recorded.code, recorded.stdout + recorded.stderr).toBe(0);
    expect(recorded.stdout).toContain(`recorded v${next} in releases/v${next}`);
    expect((await readdir(join(root, 'releases'))).filter((f) => f.startsWith('v'))).toEqual([`v${next}`]);
    expect((await readdir(join(root, 'releases', `v${next}`, 'layers'))).sort()).toEqual(['client.ts', 'index.ts', 'openapi.json', 'schema.ts']);
  });

  it('says in one line what is wrong with its input, exit 2', async () => {
    const root = await copy();
    await writeFile(join(root, 'generated', 'registry.json'), '{}\n');
    const result = await diff(root);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(`diff: ${join(root, 'generated', 'registry.json')} lists no apis`);
  });
});

import { appendFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkRelease } from '../../scripts/diff/checkRelease.js';
import type { SourceFileCache } from '../../scripts/diff/compileConsumers.js';
import { recordRelease } from '../../scripts/diff/recordRelease.js';
import { copyReleaseProject, editDocument, projectVersions, setPackageVersion, type OpenApiJson, type ProjectVersions } from '../support/releaseProject.js';

const copies: string[] = [];
const cache: SourceFileCache = new Map();
// Versions are the project's own (see projectVersions), so the tests outlive each release.
let v: ProjectVersions;
beforeAll(async () => {
  v = await projectVersions();
});
afterEach(async () => {
  await Promise.all(copies.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

const addOperation = (doc: OpenApiJson): void => {
  const item = doc.paths['/v1/social-accounts/{socialAccountId}'];
  item.get = { ...item.delete, operationId: 'getSocialAccount', summary: 'Read a social account' };
};

describe('recording a release', { timeout: 120_000 }, () => {
  it('the strict check (before recording) refuses a compatible change that the versions do not declare', async () => {
    const root = await copyReleaseProject();
    copies.push(root);
    await editDocument(root, 'layers', addOperation);
    const report = await checkRelease(root, { strict: true, cache });
    const layers = v.api.layers!;
    expect(report.problems).toEqual([
      `layers (info.version in generated/layers/openapi.json): added (minor) changes need version ${v.next(layers.released, 'minor')} or later (released ${layers.released}, now ${layers.now})`,
      `package.json: added (minor) changes need version ${v.next(v.released, 'minor')} or later (released ${v.released}, now ${v.now})`,
    ]);
  });

  it('refuses a version without a CHANGELOG.md entry, and the recorded release is what the next check compares with', async () => {
    const root = await copyReleaseProject();
    copies.push(root);
    const next = v.next(v.released, 'minor');
    await editDocument(root, 'layers', (doc) => {
      addOperation(doc);
      doc.info.version = v.next(v.api.layers!.released, 'minor');
    });
    await setPackageVersion(root, next);
    await expect(recordRelease(root, next)).rejects.toThrow(`CHANGELOG.md has no \`## [${next}]\` entry`);

    await appendFile(join(root, 'CHANGELOG.md'), `\n## [${next}] - 2026-12-02\n`);
    await recordRelease(root, next);
    expect((await readdir(join(root, 'releases'))).filter((f) => f.startsWith('v'))).toEqual([`v${next}`]);
    const report = await checkRelease(root, { strict: true, cache });
    expect(report.problems).toEqual([]);
    expect(report.apis.map((a) => a.changes.length)).toEqual([0, 0, 0]);
    await expect(recordRelease(root, next)).rejects.toThrow(`v${next} is already the recorded release`);
  });
});

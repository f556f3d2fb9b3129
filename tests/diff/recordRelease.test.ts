import { appendFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkRelease } from '../../scripts/diff/checkRelease.js';
import type { SourceFileCache } from '../../scripts/diff/compileConsumers.js';
import { recordRelease } from '../../scripts/diff/recordRelease.js';
import { copyReleaseProject, editDocument, setPackageVersion, type OpenApiJson } from '../support/releaseProject.js';

const copies: string[] = [];
const cache: SourceFileCache = new Map();
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
    expect(report.problems).toEqual([
      'layers (info.version in generated/layers/openapi.json): added (minor) changes need version 1.1.0 or later (released 1.0.0, now 1.0.0)',
      'package.json: added (minor) changes need version 0.1.1 or later (released 0.1.0, now 0.1.0)',
    ]);
  });

  it('refuses a version without a CHANGELOG.md entry, and the recorded release is what the next check compares with', async () => {
    const root = await copyReleaseProject();
    copies.push(root);
    await editDocument(root, 'layers', (doc) => {
      addOperation(doc);
      doc.info.version = '1.1.0';
    });
    await setPackageVersion(root, '0.1.1');
    await expect(recordRelease(root, '0.1.1')).rejects.toThrow('CHANGELOG.md has no `## [0.1.1]` entry');

    await appendFile(join(root, 'CHANGELOG.md'), '\n## [0.1.1] - 2026-12-02\n');
    await recordRelease(root, '0.1.1');
    expect((await readdir(join(root, 'releases'))).filter((f) => f.startsWith('v'))).toEqual(['v0.1.1']);
    const report = await checkRelease(root, { strict: true, cache });
    expect(report.problems).toEqual([]);
    expect(report.apis.map((a) => a.changes.length)).toEqual([0, 0, 0]);
    await expect(recordRelease(root, '0.1.1')).rejects.toThrow('v0.1.1 is already the recorded release');
  });
});

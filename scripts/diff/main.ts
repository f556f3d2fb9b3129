/**
 * `npm run diff [-- --changelog | --record] [--root DIR]`: compares each API of the registry (generated/registry.json) with
 * the last release recorded in `releases/v<version>/` (documents with `redocly diff`, generated
 * types by compiling the consumer files of tests/fixtures/release/consumer/), prints every change
 * with its rating and location, and exits 1 when package.json's version or a document's
 * `info.version` does not declare the bump a breaking change needs.
 *
 * --changelog  prints a draft CHANGELOG.md entry on stdout (the report goes to stderr).
 * --record     checks strictly (every change covered by the declared step), then records
 *              package.json's version as the new release (`npm run release:record`).
 * --root       the project folder to check (tests point it at a temporary copy).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkRelease, packageVersion } from './checkRelease.js';
import { findRelease } from './findRelease.js';
import { formatChangelog } from './formatChangelog.js';
import { formatReport } from './formatReport.js';
import { recordRelease } from './recordRelease.js';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      changelog: { type: 'boolean', default: false },
      record: { type: 'boolean', default: false },
      root: { type: 'string', default: resolve(import.meta.dirname, '..', '..') },
    },
  });
  const root = resolve(values.root ?? '.');
  if (values.record && !(await findRelease(root))) {
    const version = await packageVersion(root);
    const dir = await recordRelease(root, version);
    console.log(`recorded the first release, v${version}, in ${dir}: commit it with CHANGELOG.md, then \`git tag v${version}\``);
    return 0;
  }
  const report = await checkRelease(root, { strict: values.record ?? false });
  const text = formatReport(report);
  if (values.changelog) {
    console.error(text);
    console.log(formatChangelog(report, new Date().toISOString().slice(0, 10)));
  } else {
    console.log(text);
  }
  if (report.problems.length > 0) return 1;
  if (values.record) {
    const dir = await recordRelease(root, report.packageVersion);
    console.log(`recorded v${report.packageVersion} in ${dir}: commit it with CHANGELOG.md, then \`git tag v${report.packageVersion}\``);
    for (const api of report.apis.filter((a) => a.consumerErrors.length > 0)) {
      const lines = api.consumerErrors.map((e) => `${e.file}:${e.line}`).join(', ');
      console.log(`update the consumer file of ${api.api} to the new types before committing: ${lines} no longer compile`);
    }
  }
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`diff: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  },
);

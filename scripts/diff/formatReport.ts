import type { ApiReport, ReleaseReport } from './checkRelease.js';

/** TypeScript prints whole types in its messages: keep the first 200 characters. */
export function shorten(message: string): string {
  return message.length > 200 ? `${message.slice(0, 199)}…` : message;
}

function versionNote(api: ApiReport): string {
  if (api.releasedVersion === undefined) return `new since the release, info.version ${api.version}`;
  if (api.version === undefined) return `removed (was info.version ${api.releasedVersion})`;
  return `info.version ${api.version} (released ${api.releasedVersion})`;
}

/** The report `npm run diff` prints: every change with its rating and location, then the verdict. */
export function formatReport(report: ReleaseReport): string {
  const lines = [`Comparing with release v${report.release.version}; package.json version ${report.packageVersion}.`];
  for (const api of report.apis) {
    const count = api.changes.length + api.consumerErrors.length;
    lines.push(`${api.api}: ${versionNote(api)}: ${count === 0 ? 'no changes' : `${count} change${count === 1 ? '' : 's'}, needs a ${api.needed} bump`}`);
    for (const c of api.changes) {
      const rules = c.rules.length ? ` [${c.rules.join(', ')}]` : '';
      lines.push(`  ${c.level.padEnd(5)}  ${c.where}: ${c.message}${rules} (${c.location})`);
    }
    for (const e of api.consumerErrors) {
      lines.push(`  major  consumer code no longer compiles, ${e.file}:${e.line}: TS${e.code} ${shorten(e.message)}`);
    }
  }
  lines.push(`Needed: ${report.needed === 'none' ? 'no bump' : `a ${report.needed} bump`}; package.json declares ${report.declared === 'none' ? 'none' : `a ${report.declared} step`} over v${report.release.version}.`);
  if (report.problems.length === 0) lines.push(`OK: the declared versions cover every ${report.strict ? '' : 'breaking '}change.`);
  else for (const p of report.problems) lines.push(`FAIL ${p}`);
  return lines.join('\n');
}

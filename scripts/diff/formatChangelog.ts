import type { ReleaseReport } from './checkRelease.js';
import { shorten } from './formatReport.js';

const SECTIONS = [
  { level: 'major', title: 'Breaking changes' },
  { level: 'minor', title: 'Added' },
  { level: 'patch', title: 'Changed (documentation and other compatible edits)' },
] as const;

/**
 * A draft CHANGELOG.md entry for package.json's version, from the diff: one bullet per change,
 * grouped by rating. A person rewrites it for readers before it is committed.
 */
export function formatChangelog(report: ReleaseReport, date: string): string {
  const lines = [`## [${report.packageVersion}] - ${date}`, ''];
  const versions = report.apis.map((a) => `${a.api} ${a.releasedVersion ?? '(new)'} → ${a.version ?? '(removed)'}`);
  lines.push(`Documents (info.version): ${versions.join(', ')}.`, '');
  for (const { level, title } of SECTIONS) {
    const bullets: string[] = [];
    for (const api of report.apis) {
      for (const c of api.changes.filter((c) => c.level === level)) bullets.push(`- ${api.api}: \`${c.where}\`: ${c.message}`);
      if (level === 'major') for (const e of api.consumerErrors) bullets.push(`- ${api.api}: generated types: code written against v${report.release.version} no longer compiles (${e.file}:${e.line}: ${shorten(e.message)})`);
    }
    if (bullets.length) lines.push(`### ${title}`, '', ...bullets, '');
  }
  if (lines.length === 4) lines.push('No change to the documents or the generated types.', '');
  return lines.join('\n');
}

import type { ApiRun, TargetInfo, TestCase } from '../model.js';
import { isLoopbackUrl } from '../../core/loopback.js';

export interface Selection {
  cases: TestCase[];
  leftOut: ApiRun['leftOut'];
  /** Whether requests that may change data may be sent to this target. */
  writesAllowed: boolean;
}

/** The reason a case or scenario not matching `--grep` is counted under. */
export const grepReason = (grep: RegExp) => `not matching --grep ${grep.source}`;

/** Adds `count` to the entry of `reason` (created when missing; nothing when `count` is 0). */
export function addLeftOut(leftOut: ApiRun['leftOut'], reason: string, count: number): void {
  if (count <= 0) return;
  const entry = leftOut.find((l) => l.reason === reason);
  if (entry) entry.count += count;
  else leftOut.push({ reason, count });
}

/**
 * Chooses the cases to send to `target`: those matching `grep`, and, on a non-loopback live target without `allowWrites`, only those that cannot change
 * data. What is left out is counted with the reason, for the report.
 */
export function selectCases(all: readonly TestCase[], target: TargetInfo, options: { grep?: RegExp; allowWrites: boolean }): Selection {
  const leftOut: ApiRun['leftOut'] = [];
  let cases = [...all];
  if (options.grep) {
    const grep = options.grep;
    const before = cases.length;
    cases = cases.filter((c) => grep.test(`${c.id} ${c.title}`));
    addLeftOut(leftOut, grepReason(grep), before - cases.length);
  }
  const writesAllowed = options.allowWrites || target.kind === 'mock' || isLoopbackUrl(target.baseUrl);
  if (!writesAllowed) {
    const before = cases.length;
    cases = cases.filter((c) => !c.writes);
    if (before > cases.length) {
      leftOut.push({ reason: `requests that may change data, not sent to the non-loopback ${target.baseUrl} (pass --allow-writes to send them)`, count: before - cases.length });
    }
  }
  return { cases, leftOut, writesAllowed };
}

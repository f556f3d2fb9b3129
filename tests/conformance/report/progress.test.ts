// A long run says how far it is and how long the rest would take at its pace; a short one says nothing.
import { describe, expect, it } from 'vitest';
import { duration, progressReporter } from '../../../src/conformance/report/progress.js';

function clocked() {
  let t = 0;
  const lines: string[] = [];
  const report = progressReporter({ write: (line) => lines.push(line), now: () => t, firstAfterMs: 30_000, everyMs: 30_000 });
  return { lines, report, at: (ms: number) => (t = ms) };
}

describe('progressReporter', () => {
  it('prints nothing during the first 30 s, then a line per 30 s with the share done and the time left at that pace', () => {
    const { lines, report, at } = clocked();
    report('xero', 0, 7530);
    at(29_000);
    report('xero', 1000, 7530);
    expect(lines).toEqual([]);
    at(60_000);
    report('xero', 1506, 7530);
    at(70_000);
    report('xero', 1700, 7530);
    at(90_000);
    report('xero', 2259, 7530);
    expect(lines).toEqual([
      'xero: 1,506 of 7,530 cases answered (20%) in 1m 00s; about 4m 00s left at this pace',
      'xero: 2,259 of 7,530 cases answered (30%) in 1m 30s; about 3m 30s left at this pace',
    ]);
  });

  it('keeps each API to its own clock, and says nothing once every case is done', () => {
    const { lines, report, at } = clocked();
    report('a', 0, 10);
    at(40_000);
    report('b', 0, 10);
    report('a', 10, 10);
    at(45_000);
    report('b', 5, 10);
    expect(lines).toEqual([]);
  });

  it('writes durations as a person reads them', () => {
    expect([duration(42_400), duration(307_000), duration(3_720_000)]).toEqual(['42s', '5m 07s', '1h 02m']);
  });
});

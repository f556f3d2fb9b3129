import { describe, expect, it } from 'vitest';
import type { ApiRun } from '../../../src/conformance/model.js';
import { humanReport } from '../../../src/conformance/report/humanReport.js';

const run: ApiRun = {
  api: 'x',
  target: { kind: 'live', baseUrl: 'http://127.0.0.1:1' },
  operations: [{ operationId: 'getA', method: 'GET', path: '/a', statuses: ['200', 'default'] }],
  results: [],
  leftOut: [],
  durationMs: 1,
};

describe('the coverage matrix', () => {
  it('gives a wide status key (default) a column of its own width, so the marks stay under their keys', () => {
    const lines = humanReport({ apis: [run], startedAt: '', durationMs: 1 }).split('\n');
    const header = lines.find((l) => l.includes('default')) as string;
    const row = lines.find((l) => l.includes('GET')) as string;
    expect(header).toMatch(/ 200 default$/);
    expect(row.length).toBe(header.length);
    expect(row.endsWith('·')).toBe(true);
    expect(row.lastIndexOf('·')).toBe(header.length - 1);
  });
});

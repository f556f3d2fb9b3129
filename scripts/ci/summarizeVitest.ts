/**
 * Prints the plain `N passed, N failed[, N skipped]` line CI reads, from vitest's JSON report
 * (`reports/vitest.json`, written by `npm test`). Exits 1 when the report is missing or unreadable,
 * or any test failed.
 */
import { readFile } from 'node:fs/promises';

interface VitestJsonReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults?: { status: string; message?: string; name: string }[];
}

const file = process.argv[2] ?? 'reports/vitest.json';

async function main(): Promise<void> {
  let report: VitestJsonReport;
  try {
    report = JSON.parse(await readFile(file, 'utf8')) as VitestJsonReport;
  } catch (error) {
    console.error(`summarize: cannot read vitest's JSON report ${file}: ${(error as Error).message}`);
    console.log('0 passed, 1 failed');
    process.exitCode = 1;
    return;
  }
  // A test file that fails to load has no tests but a failed status: count it as a failure.
  const brokenFiles = (report.testResults ?? []).filter((r) => r.status === 'failed' && r.message).length;
  const failed = report.numFailedTests + brokenFiles;
  const skipped = report.numPendingTests + report.numTodoTests;
  console.log(`${report.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  if (failed > 0) process.exitCode = 1;
}

void main();

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CaseResult } from '../../src/conformance/model.js';
import { runSuite } from '../../src/conformance/run/runSuite.js';
import { loadRegistry } from '../../src/core/registry.js';

/** Runs the suite on an inline document given as `--spec <name>` against its embedded Prism, in a temporary folder removed afterwards; the case results. */
export async function runInlineSpec(name: string, document: object): Promise<CaseResult[]> {
  const dir = await mkdtemp(join(tmpdir(), `inline-spec-${name}-`));
  try {
    await writeFile(join(dir, 'openapi.json'), JSON.stringify(document));
    const report = await runSuite({ registry: loadRegistry(), apis: [], targets: {}, env: {}, allowWrites: false, specs: [{ name, source: join(dir, 'openapi.json') }] });
    return report.apis[0]?.results ?? [];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// The suite (src/conformance/) and the sandbox (src/sandbox/) are peers over the shared core: an
// oracle that shared code with the implementation it judges would agree with its own bugs. Every
// import specifier of every TypeScript file of one is resolved and must not land in the other.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../support/runCommand.js';

const SPECIFIER = /(?:\bimport\s+(?:type\s+)?(?:[^'"`;]*?\s+from\s+)?|\bexport\s+(?:type\s+)?[^'"`;]*?\s+from\s+|\bimport\s*\(\s*)['"]([^'"]+)['"]/g;

/** Every relative import specifier of a TypeScript source text (static, re-exports, dynamic with a literal). */
export function importSpecifiers(text: string): string[] {
  return [...text.matchAll(SPECIFIER)].map((m) => m[1] as string).filter((s) => s.startsWith('.'));
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

/** `file: specifier` for every import of a file under `from` that resolves under `into`. */
function crossings(from: string, into: string): string[] {
  const target = resolve(projectRoot, into);
  return tsFiles(resolve(projectRoot, from)).flatMap((file) =>
    importSpecifiers(readFileSync(file, 'utf8'))
      .filter((s) => {
        const to = resolve(dirname(file), s);
        return to === target || to.startsWith(`${target}/`);
      })
      .map((s) => `${relative(projectRoot, file)}: ${s}`),
  );
}

describe('no import crosses between the suite and the sandbox', () => {
  it('the sandbox imports nothing from src/conformance/', () => {
    expect(crossings('src/sandbox', 'src/conformance')).toEqual([]);
  });

  it('the suite imports nothing from src/sandbox/', () => {
    expect(crossings('src/conformance', 'src/sandbox')).toEqual([]);
  });

  it('the scan finds static, type-only, re-exported and literal dynamic imports (so a crossing would fail the test)', () => {
    const text = [
      "import { a } from '../../conformance/x.js';",
      "import type { B } from '../../conformance/y.js';",
      "export { c } from '../../conformance/z.js';",
      "const m = await import('../../conformance/w.js');",
      "import 'node:fs';",
    ].join('\n');
    expect(importSpecifiers(text)).toEqual(['../../conformance/x.js', '../../conformance/y.js', '../../conformance/z.js', '../../conformance/w.js']);
  });
});

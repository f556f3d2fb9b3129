import { describe, expect, it } from 'vitest';
import { toSharedScript } from '../../scripts/docs/redocBundle.js';

const badges = '`https://cdn.redoc.ly/redoc/logo-mini-full.svg`:`https://cdn.redoc.ly/redoc/logo-mini.svg`';
const bundle = `/**\n* Version: 3.0.1\n**/\nconst x = () => (e ? ${badges} : 0);\nexport { x };\n`;

describe('toSharedScript', () => {
  it("carries Redoc's module as text for a blob: import, with the badge images inline", () => {
    const script = toSharedScript(bundle, 'redoc.standalone.js');
    expect(script).toContain('Redoc 3.0.1 standalone bundle');
    expect(script).toMatch(/^window\.redocStandalone = import\(URL\.createObjectURL\(new Blob\(\[".*export \{ x \};\\n"\]/m);
    expect(script).not.toContain('cdn.redoc.ly');
    expect(script).toContain('data:image/svg+xml,');
  });

  it('fails naming the bundle when a badge URL it replaces is gone (the page may load something new)', () => {
    expect(() => toSharedScript(bundle.replace('logo-mini.svg', 'logo.svg'), 'x/redoc.standalone.js')).toThrow(
      "x/redoc.standalone.js: Redoc's badge image https://cdn.redoc.ly/redoc/logo-mini.svg is no longer in the bundle",
    );
  });
});

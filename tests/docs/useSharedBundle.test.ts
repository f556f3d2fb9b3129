import { describe, expect, it } from 'vitest';
import { useSharedBundle } from '../../scripts/docs/useSharedBundle.js';

const CDN = 'https://cdn.redocly.com/redoc/v3.0.1/bundles/redoc.standalone.js';
const page = `<head><link rel="modulepreload" href="${CDN}" integrity="sha384-x" crossorigin="anonymous" /><style>x</style></head>
<body><div id="redoc"></div><script type="module">
      import { hydrate } from "${CDN}";
      hydrate(d, o, document.getElementById('redoc'));
</script></body>`;

describe('useSharedBundle', () => {
  it("points build-docs' page at the shared script instead of the CDN", () => {
    const html = useSharedBundle(page, 'redoc.standalone.js', 'layers.html');
    expect(html).toContain('<script src="redoc.standalone.js"></script><style>x</style>');
    expect(html).toContain('const { hydrate } = await window.redocStandalone;');
    expect(html).not.toContain('cdn.redocly.com');
  });

  it('fails naming the page when build-docs no longer writes the CDN import', () => {
    expect(() => useSharedBundle(page.replace(/import \{ hydrate \}[^\n]+/, ''), 'redoc.standalone.js', 'hoko.html')).toThrow(
      'hoko.html: expected one CDN import of Redoc in redocly build-docs\' output, found 0; its template changed',
    );
  });
});

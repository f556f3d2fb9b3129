import { copyFile, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, runBin, runCommand } from '../support/runCommand.js';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const fixtures = join(projectRoot, 'tests', 'fixtures', 'consumer');

describe('the package, as another team installs it', () => {
  let work = '';
  let consumer = '';

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'contracts-pack-'));
    const packed = await runCommand(npm, ['pack', '--json', '--pack-destination', work]);
    if (packed.code !== 0) throw new Error(`npm pack failed:\n${packed.stderr}`);
    const [report] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as { filename: string }[];
    if (!report) throw new Error(`npm pack reported no tarball:\n${packed.stdout}`);
    const { filename } = report;

    consumer = join(work, 'consumer');
    await runCommand('mkdir', ['-p', consumer]);
    await writeFile(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    await writeFile(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { strict: true, module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', lib: ['ES2022', 'DOM'], noEmit: true, types: [] },
        files: ['consumer.ts'],
      }),
    );
    await copyFile(join(fixtures, 'consumer.ts'), join(consumer, 'consumer.ts'));
    await copyFile(join(fixtures, 'observe-request.mjs'), join(consumer, 'observe-request.mjs'));
    const installed = await runCommand(npm, ['install', '--no-audit', '--no-fund', '--prefer-offline', join(work, filename)], { cwd: consumer });
    if (installed.code !== 0) throw new Error(`npm install of the tarball failed:\n${installed.stderr}`);
  }, 240_000);

  afterAll(() => rm(work, { recursive: true, force: true }));

  it('ships the compiled clients, their types, the bundled documents and the suite, and no sources or tests', async () => {
    const root = join(consumer, 'node_modules', 'partner-api-contracts');
    const files = (await readdir(root, { recursive: true })).map(String).sort();
    for (const api of ['layers', 'ayrshare', 'hoko']) {
      for (const f of ['index.js', 'index.d.ts', 'client.js', 'client.d.ts', 'schema.d.ts']) expect(files).toContain(join('dist', 'lib', 'generated', api, f));
      expect(files).toContain(join('generated', api, 'openapi.json'));
    }
    expect(files).toContain(join('dist', 'lib', 'src', 'conformance', 'cli.js'));
    expect(files.filter((f) => /^(openapi|tests|scripts)\//.test(f) || (f.endsWith('.ts') && !f.endsWith('.d.ts')))).toEqual([]);
  });

  it('installs the conformance suite as a bin that runs without the project around it', async () => {
    const help = await runCommand(join(consumer, 'node_modules', '.bin', 'partner-api-conformance'), ['--help'], { cwd: consumer });
    expect(help.code, help.stderr).toBe(0);
    expect(help.stdout).toContain('--target <api>=<baseUrl>');
    // the installed bin names itself, not the repository's npm script
    expect(help.stdout).toMatch(/^Usage: partner-api-conformance \[options\]\n/);
    expect(help.stdout).not.toContain('npm run conformance');
    // Prism is an optional peer dependency: without it and without --target, the bin says what to do.
    const mock = await runCommand(join(consumer, 'node_modules', '.bin', 'partner-api-conformance'), ['--api', 'hoko'], { cwd: consumer });
    expect(mock.code).toBe(2);
    expect(mock.stderr).toMatch(/Prism mock is not installed.*@stoplight\/prism-cli.*or pass --target/);
  });

  it('type-checks a consumer that uses the clients, and rejects wrong fields (@ts-expect-error)', async () => {
    const result = await runBin('tsc', ['-p', join(consumer, 'tsconfig.json')]);
    expect(result.stdout + result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('type-checks the same consumer as a bundler resolves it (moduleResolution bundler: Vite, esbuild, webpack)', async () => {
    await writeFile(join(consumer, 'tsconfig.bundler.json'), JSON.stringify({ extends: './tsconfig.json', compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler' } }));
    const result = await runBin('tsc', ['-p', join(consumer, 'tsconfig.bundler.json')]);
    expect(result.stdout + result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('fails to type-check when a @ts-expect-error line is in fact valid (the check can fail)', async () => {
    const broken = join(consumer, 'broken.ts');
    await writeFile(broken, "import { createHokoClient } from 'partner-api-contracts/hoko';\n// @ts-expect-error nothing is wrong here\nexport const c = createHokoClient({ apiKey: 'k' });\n");
    await writeFile(join(consumer, 'tsconfig.broken.json'), JSON.stringify({ extends: './tsconfig.json', files: ['broken.ts'] }));
    const result = await runBin('tsc', ['-p', join(consumer, 'tsconfig.broken.json')]);
    expect(result.code).not.toBe(0);
    expect(result.stdout).toContain('TS2578'); // Unused '@ts-expect-error' directive.
  });

  it('sends the API key and optional headers on every request, to the document server by default', async () => {
    const result = await runCommand(process.execPath, ['observe-request.mjs'], { cwd: consumer });
    expect(result.code, result.stderr).toBe(0);
    const { defaultBaseUrl, seen } = JSON.parse(result.stdout) as { defaultBaseUrl: string; seen: Record<string, string | null>[] };
    expect(defaultBaseUrl).toBe('https://api.layers.com');
    expect(seen[0]).toMatchObject({
      method: 'DELETE',
      url: 'https://api.layers.com/v1/social-accounts/sa_9c1e42a0-b7f3-4e5d-a2c1-8b4f5e6c7d8e',
      authorization: 'Bearer lp_secret',
      profileKey: null,
    });
    expect(seen[1]).toMatchObject({ method: 'DELETE', url: 'http://127.0.0.1:1/api/post', authorization: 'Bearer ayr_secret', profileKey: 'PK1' });
    expect(JSON.parse(seen[1]?.body ?? 'null')).toEqual({ id: 'p8Ee6xDPx8PRxsjtDXf3' });
  });
});

// `--spec` and `--header`: parsed into ad-hoc APIs, with a one-line error for each misuse.
import { describe, expect, it } from 'vitest';
import { parseOptions, UsageError } from '../../../src/conformance/cli/parseOptions.js';

describe('--spec and --header', () => {
  it('adds ad-hoc APIs and, with no --api, checks only them', () => {
    const options = parseOptions(['--spec', 'pets=tests/fixtures/corpus/oai-petstore/openapi.yaml', '--header', 'pets=X-Key: ${PETS_KEY}', '--target', 'pets=http://127.0.0.1:8080']);
    expect(options.specs).toEqual([{ name: 'pets', source: 'tests/fixtures/corpus/oai-petstore/openapi.yaml' }]);
    expect(options.apis).toEqual([]);
    expect(options.headers).toEqual([{ api: 'pets', header: 'X-Key', value: '${PETS_KEY}' }]);
    expect(options.targets).toEqual({ pets: 'http://127.0.0.1:8080' });
  });

  it.each([
    [['--spec', 'layers=x.yaml'], /--spec: the name 'layers' is already taken/],
    [['--spec', 'x=https://example.com/openapi.yaml'], /not a file or a loopback http URL/],
    [['--spec', 'noequals'], /must be <name>=<file or URL>/],
    [['--header', 'nope=X: y'], /'nope' is not a --spec API/],
    [['--spec', 'a=a.yaml', '--header', 'a=bad header'], /--header: .* must be <api>=<Header>: <value>/],
  ])('%j is a usage error', (argv, message) => {
    expect(() => parseOptions(argv)).toThrow(UsageError);
    expect(() => parseOptions(argv)).toThrow(message);
  });

  it.each([
    ['a=Authorization Bearer sk_live_SECRET123', "'a=…'"],
    ['a=Authorization=Bearer sk_live_SECRET123', "'a=…'"],
    ['a=sk_live_SECRET123', "'a=…'"],
    ['sk_live_SECRET123', "'…'"],
    ['a=Bad Name: sk_live_SECRET123', "'a=…'"],
  ])("a malformed --header %j is named without its value (the credential it carries is never printed)", (text, shown) => {
    let message = '';
    try {
      parseOptions(['--spec', 'a=a.yaml', '--header', text]);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/must be <api>=<Header>: <value>/);
    expect(message).toContain(shown);
    expect(message).not.toMatch(/SECRET|sk_live/);
  });
});

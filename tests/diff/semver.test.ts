import { describe, expect, it } from 'vitest';
import { allowedLevel, nextVersion, type Level } from '../../scripts/diff/semver.js';

describe('version steps, read as npm ^ ranges read them', () => {
  const steps: [string, string, Level][] = [
    ['1.0.0', '1.0.0', 'none'],
    ['1.0.0', '1.0.1', 'patch'],
    ['1.0.0', '1.1.0', 'minor'],
    ['1.0.0', '2.0.0', 'major'],
    ['0.1.0', '0.1.1', 'minor'],
    ['0.1.0', '0.2.0', 'major'],
    ['0.1.0', '1.0.0', 'major'],
    ['0.0.1', '0.0.2', 'major'],
  ];
  it.each(steps)('%s → %s covers changes up to %s', (from, to, level) => {
    expect(allowedLevel(from, to, 'package.json')).toBe(level);
  });

  const next: [string, Level, string][] = [
    ['1.2.3', 'major', '2.0.0'],
    ['1.2.3', 'minor', '1.3.0'],
    ['1.2.3', 'patch', '1.2.4'],
    ['0.1.0', 'major', '0.2.0'],
    ['0.1.0', 'minor', '0.1.1'],
  ];
  it.each(next)('after %s a %s change needs %s', (from, level, version) => {
    expect(nextVersion(from, level)).toBe(version);
    expect(allowedLevel(from, version, 'x')).toBe(level === 'patch' && from.startsWith('0.') ? 'minor' : level);
  });

  it('rejects a step backwards and a version that is not MAJOR.MINOR.PATCH, naming the file', () => {
    expect(() => allowedLevel('1.2.0', '1.1.9', 'openapi.json info.version')).toThrow('openapi.json info.version: version 1.1.9 is lower than the released 1.2.0');
    expect(() => allowedLevel('1.0.0', '1.1', 'package.json')).toThrow('package.json: version "1.1" is not MAJOR.MINOR.PATCH');
  });
});

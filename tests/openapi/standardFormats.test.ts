// The formats createAjv makes exact (src/openapi/standardFormats.ts), in both of its modes: what
// their standards accept passes, and each leniency ajv-formats had is refused.
import { describe, expect, it } from 'vitest';
import { createAjv } from '../../src/openapi/createAjv.js';

const TYPES: Record<string, string> = { int64: 'number', float: 'number' };

const CASES: { format: string; valid: unknown[]; invalid: unknown[] }[] = [
  {
    format: 'uuid',
    valid: ['2eb8aa08-aa98-11ea-b4aa-73b441d16380', '2EB8AA08-AA98-11EA-B4AA-73B441D16380', '00000000-0000-0000-0000-000000000000'],
    invalid: ['urn:uuid:2eb8aa08-aa98-11ea-b4aa-73b441d16380', 'URN:UUID:2eb8aa08-aa98-11ea-b4aa-73b441d16380', '{2eb8aa08-aa98-11ea-b4aa-73b441d16380}', '2eb8aa08aa9811eab4aa73b441d16380'],
  },
  {
    format: 'date-time',
    valid: ['2026-12-01T10:00:00Z', '2026-12-01t10:00:00z', '2026-12-01T10:00:00.123+05:30', '1985-04-12T00:59:59.999999999999999Z', '1998-12-31T23:59:60Z', '1998-12-31T15:59:60.123-08:00', '2024-02-29T00:00:00Z'],
    invalid: [
      '2026-12-01 10:00:00Z', // a space for T
      '2026-12-01\n10:00:00Z',
      '2026-12-01T10:00:00+01', // an offset without minutes
      '2026-12-01T10:00:00+0100', // an offset without its colon
      '2026-12-01T10:00:00', // no offset
      '2016-12-31T24:59:60+01:00', // hour 24, even as a leap second
      '1998-12-31T22:59:60Z', // second 60 that is not 23:59:60 in UTC
      '2023-02-29T00:00:00Z',
    ],
  },
  {
    format: 'time',
    valid: ['08:30:06Z', '23:59:60Z', '08:30:06.5+01:00'],
    invalid: ['08:30:06 Z', '08:30:06+01', '08:30:06', '24:00:00Z', '22:59:60Z'],
  },
  {
    format: 'byte',
    valid: ['', 'aGVsbG8=', 'aGVsbG8gd29ybGQ='],
    invalid: ['not base64!\naGVsbG8=', 'aGVsbG8=\n', 'aGVsbG8'],
  },
  { format: 'int64', valid: [0, -(2 ** 63), 9223372036854775807], invalid: [1e20, -1e20, 1.5] },
  { format: 'float', valid: [0, 1.5, -3.4e38], invalid: [1e39, -1e39] },
];

describe.each(['strict', 'foreign'] as const)('formats made exact, in %s mode', (mode) => {
  const ajv = createAjv(undefined, { mode });
  it.each(CASES)('$format accepts what its standard accepts and refuses the rest', ({ format, valid, invalid }) => {
    const validate = ajv.compile({ type: TYPES[format] ?? 'string', format });
    for (const value of valid) expect(validate(value), `${format} ${JSON.stringify(value)}`).toBe(true);
    for (const value of invalid) expect(validate(value), `${format} ${JSON.stringify(value)}`).toBe(false);
  });
});

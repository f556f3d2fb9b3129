import { isObject } from '../../openapi/jsonPointer.js';
import type { Check } from './check.js';

/** A header's string value as the type its schema declares (`'30'` → 30 for an integer header). */
function coerceHeader(value: string, schema: unknown): unknown {
  const type = isObject(schema) ? schema.type : undefined;
  if ((type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  if (type === 'boolean' && /^(true|false)$/.test(value)) return value === 'true';
  return value;
}

/** Every documented header that is present is valid against its schema. */
export const headerSchema: Check = {
  id: 'header-schema',
  description: 'present response headers are valid against their schemas',
  appliesTo: ({ statusKey }) => statusKey !== undefined,
  run: ({ operation, statusKey, response, validator, redact }) =>
    Object.entries(operation.responseHeaders(statusKey as string)).flatMap(([name, header]) => {
      const value = response.headers[name.toLowerCase()];
      if (value === undefined || header.value.schema === undefined) return [];
      return validator.validate(`${header.pointer}/schema`, coerceHeader(value, header.value.schema)).map((error) => ({
        rule: 'header-schema' as const,
        message: `header '${name}: ${redact.excerpt(value, 200)}' ${error.message}`,
        actual: redact.excerpt(value, 200),
      }));
    }),
};

import { getAtPointer, isObject } from '../../openapi/jsonPointer.js';
import { parsedBody, type Check } from './check.js';

/**
 * For APIs whose manifest declares where an error body names invalid fields (`fieldErrors`), a
 * negative case's answer names the field it broke. Against a live target only: a mock answers a
 * fixed example.
 */
export const fieldErrors: Check = {
  id: 'field-errors',
  description: 'the error body names the invalid field',
  appliesTo: (ctx) => ctx.api.fieldErrors !== undefined && ctx.expect.fieldErrorKey !== undefined && ctx.target === 'live' && parsedBody(ctx) !== undefined,
  run: (ctx) => {
    const pointer = ctx.api.fieldErrors as string;
    const named = getAtPointer(parsedBody(ctx)?.value, `#${pointer}`);
    const key = ctx.expect.fieldErrorKey as string;
    if (!isObject(named) || Object.hasOwn(named, key)) return [];
    return [{ rule: 'field-errors', message: `${pointer} does not name '${key}'`, expected: key, actual: Object.keys(named).join(', ') || '(empty)' }];
  },
};

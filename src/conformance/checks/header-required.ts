import type { Check } from './check.js';

/** Every header the status documents as required is present. */
export const headerRequired: Check = {
  id: 'header-required',
  description: 'required response headers are present',
  appliesTo: ({ statusKey }) => statusKey !== undefined,
  run: ({ operation, statusKey, response }) =>
    Object.entries(operation.responseHeaders(statusKey as string))
      .filter(([name, header]) => header.value.required === true && response.headers[name.toLowerCase()] === undefined)
      .map(([name]) => ({ rule: 'header-required' as const, message: `required header '${name}' is missing from the ${response.status}`, expected: name })),
};

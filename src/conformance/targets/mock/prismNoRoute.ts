/**
 * Prism's own 404 for a path its router cannot match, though the document declares it: a path
 * template whose parameter name OpenAPI allows and Prism's router does not read (`{x.y}`: a
 * template expression's name is anything but braces). Every request of such an operation gets
 * `NO_PATH_MATCHED_ERROR`, whatever it holds, so its answer says nothing of the document.
 */
import type { LoadedApi } from '../../../core/loadApi.js';
import { prismProblem } from '../../../openapi/slViolations.js';
import type { CheckFailure, ObservedResponse, TestCase } from '../../model.js';

const NO_PATH_MATCHED = 'https://stoplight.io/prism/errors#NO_PATH_MATCHED_ERROR';

/**
 * Whether Prism's router may fail on the template: a parameter name other than letters, digits,
 * `_` and `-`, or an empty segment (`//`). Only then is its 404 excused: on any other path, a
 * NO_PATH_MATCHED_ERROR would mean the suite built a wrong URL, and that must fail.
 */
export function unroutableByPrism(template: string): boolean {
  return template.includes('//') || [...template.matchAll(/\{([^}]*)\}/g)].some(([, name]) => !/^[A-Za-z0-9_-]+$/.test(name as string));
}

export function prismNoRouteExcuse(api: LoadedApi, testCase: TestCase, response: ObservedResponse, failures: readonly CheckFailure[]): string | undefined {
  if (api.mode !== 'foreign' || response.status !== 404 || failures.length === 0 || !unroutableByPrism(testCase.operation.path)) return undefined;
  const problem = prismProblem(response.bodyText, NO_PATH_MATCHED);
  if (!problem) return undefined;
  const route = typeof problem.detail === 'string' ? /^The route (\S+) hasn't been found/.exec(problem.detail)?.[1] : undefined;
  return `Prism found no route for ${route ?? 'the request'} (NO_PATH_MATCHED_ERROR), though the document declares ${testCase.operation.path}: its router does not match this path template; Prism's doing, not the document's`;
}

/**
 * Responses Prism does not see. Prism (its http-spec reader) keeps a Response Object only when it
 * has one of `description`, `headers`, `content` or `links`; any other, a `$ref` to a Schema
 * Object in place of a response among them, is dropped, and asked for that status Prism answers
 * its own 404 ("Requested status code 200 is not defined in the document"). OpenAPI requires
 * `description` on every Response Object (3.0 and 3.1), so such a response is the document's
 * defect: the cases that need it are skipped on the mock, saying so, and still sent to a live
 * `--target`, where only its status can be checked.
 */
import type { TestCase } from '../../model.js';
import { isObject } from '../../../openapi/jsonPointer.js';

const RESPONSE_MEMBERS = ['description', 'headers', 'content', 'links'];

/** Why Prism cannot answer `status` of the case's operation, or undefined where it can. */
function unseen(testCase: TestCase, status: string): string | undefined {
  let response;
  try {
    response = testCase.operation.response(status);
  } catch {
    return undefined; // a $ref that does not resolve is reported where it is read
  }
  if (!response || !isObject(response.value) || RESPONSE_MEMBERS.some((member) => Object.hasOwn(response.value as object, member))) return undefined;
  return `the ${status} response (${response.pointer}) has none of description, headers, content or links, so it is not a Response Object (OpenAPI requires its description), and Prism leaves it out: asked for ${status}, it answers that the status is not documented; a defect of the document`;
}

/** The skip of a case whose answer the mock cannot give: a documented response Prism leaves out, or a valid request all of whose success statuses it leaves out. */
export function prismUnseenResponseSkip(testCase: TestCase): string | undefined {
  const documented = testCase.expect.documented;
  if (documented) return unseen(testCase, documented.status);
  if (testCase.kind !== 'positive' || testCase.expect.statuses.length === 0) return undefined;
  const reasons = testCase.expect.statuses.map((status) => unseen(testCase, status));
  return reasons.every((reason) => reason !== undefined) ? reasons[0] : undefined;
}

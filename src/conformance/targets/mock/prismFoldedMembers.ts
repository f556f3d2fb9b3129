/**
 * Prism reads an exploded object query parameter (`style: form` exploded, or `deepObject`) in two
 * ways OpenAPI does not: it validates one the request leaves out as an empty object, so an
 * optional parameter whose schema requires members is refused when absent; and it reads its
 * members under lower-cased names, so it never finds one whose name has capitals (InfluxDB's
 * annotation filters: `startTime`, `endTime`), refusing a request that needs one and accepting
 * any value of one. Such answers say nothing of the document: the cases are skipped, saying so
 * (a live `--target` still gets them).
 */
import type { LoadedApi } from '../../../core/loadApi.js';
import { parseSlViolations } from '../../../openapi/slViolations.js';
import type { Located } from '../../../openapi/operations.js';
import type { CheckFailure, ObservedResponse, TestCase } from '../../model.js';

/** Whether a parameter travels as one query pair per member (form exploded, the default, or deepObject). */
function explodedQueryObject(parameter: Located): boolean {
  const p = parameter.value;
  return p.in === 'query' && (p.style === 'deepObject' || ((p.style ?? 'form') === 'form' && p.explode !== false));
}

/** The exploded query parameters of the case's operation, by the lower-cased name Prism reports. */
function explodedByPrismName(testCase: TestCase): Map<string, string> {
  const names = new Map<string, string>();
  for (const p of testCase.operation.parameters()) if (explodedQueryObject(p) && typeof p.value.name === 'string') names.set(p.value.name.toLowerCase(), p.value.name);
  return names;
}

const reason = (parameter: string, what: string) =>
  `Prism reads the members of the exploded object query parameter '${parameter}' under lower-cased names, and one the request leaves out as an empty object, so ${what}: Prism's defect, not the document's (a live --target still gets this case)`;

/** A negative case breaking a member whose name has capitals: Prism never reads it, so never sees the break. */
export function foldedMemberSkip(testCase: TestCase): string | undefined {
  const at = testCase.expect.violationAt;
  if (testCase.kind !== 'negative' || !at || at[1] !== 'query' || at[2] === undefined) return undefined;
  const parameter = testCase.operation.parameter(at[2], 'query');
  if (!parameter || !explodedQueryObject(parameter)) return undefined;
  const member = new RegExp(`^query ${at[2].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.([^.:\\s]+)`).exec(testCase.brokenRule ?? '')?.[1];
  if (!member || member === member.toLowerCase()) return undefined;
  return reason(at[2], `it never finds '${member}' and cannot see it broken`);
}

/** A valid request Prism refused only for required members of exploded object query parameters it misread. */
export function foldedMemberExcuse(api: LoadedApi, testCase: TestCase, response: ObservedResponse, failures: readonly CheckFailure[]): string | undefined {
  if (api.mode !== 'foreign' || testCase.kind === 'negative' || !failures.some((f) => f.rule === 'status-expected')) return undefined;
  const violations = parseSlViolations(response.headers['sl-violations']);
  const exploded = explodedByPrismName(testCase);
  if (violations.length === 0 || exploded.size === 0) return undefined;
  const missing: { parameter: string; member: string }[] = [];
  for (const v of violations) {
    const parameter = v.location.length === 3 && v.location[0] === 'request' && v.location[1] === 'query' ? exploded.get(v.location[2] as string) : undefined;
    const member = v.code === 'required' ? /required property '(.+)'$/.exec(v.message)?.[1] : undefined;
    if (!parameter || !member) return undefined;
    missing.push({ parameter, member });
  }
  const first = missing[0] as { parameter: string; member: string };
  return reason(first.parameter, `it never finds '${first.member}' (${first.member === first.member.toLowerCase() ? 'the request leaves the parameter out' : 'its name has capitals'}) and refused this valid request for it`);
}

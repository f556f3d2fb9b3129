/**
 * Where Prism cannot validate a request, found in the operations it built from the document.
 *
 * Prism dereferences the document, turns each cycle back into a `$ref` to the place it was first
 * met (`#/paths/~1BatchPayments/put/requestBody/…/Invoice/properties/Contact`), then bundles each
 * operation, copying every target into `__bundled__` under a key made of the pointer's last
 * segment (`Contact`, `Contact_2` … `Contact_20`). Past twenty targets of one name it gives up on
 * the rest (`Keys Contact_2 through Contact_20 already taken`, in the operation's `__errors__`) and
 * leaves those `$ref`s pointing into the whole document. Its validator compiles each schema with
 * only the bundle beside it, so that compile fails, and Prism, which catches the failure, then
 * reports no violation at all: every body (or query, header, path, cookie) of that operation is
 * accepted (Xero's `{"BatchPayments": 5}` answered 200), and the failing compile is attempted
 * again on every request (about a second each for Xero's BatchPayments). 14 of Xero accounting's
 * 235 operations have such a request body.
 *
 * A negative case there proves nothing on the mock: it is skipped with this reason (still sent to a
 * live `--target`). Found from Prism's own operations, so whatever else leaves a `$ref` Prism
 * cannot open in a request schema is found too.
 */
import type { TestCase } from '../../model.js';

/** One operation whose requests Prism cannot validate in some locations. */
export interface PrismBlindSpot {
  /** Lower case, as Prism keeps it. */
  method: string;
  /** The document's path template. */
  path: string;
  /** `body`, `query`, `header`, `path`, `cookie`: as the suite's `violationAt` names them. */
  locations: string[];
  /** Why, in a few words (Prism's own bundling error where it gave one). */
  why: string;
}

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null;

/** The value at a local `$ref` (`#/a/b`) inside `root`, or undefined. */
function atPointer(root: unknown, ref: string): unknown {
  if (ref === '#') return root;
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = root;
  for (const raw of ref.slice(2).split('/')) {
    let token: string;
    try {
      token = decodeURIComponent(raw).replaceAll('~1', '/').replaceAll('~0', '~');
    } catch {
      return undefined;
    }
    if (!isNode(node) || !Object.prototype.hasOwnProperty.call(node, token)) return undefined;
    node = node[token];
  }
  return node;
}

/** The first `$ref` in `schema` (followed through the bundle) that Prism's compile of `{ ...schema, __bundled__ }` cannot open. */
function unresolvedRef(schema: unknown, bundle: unknown): string | undefined {
  const root = isNode(schema) ? { ...schema, __bundled__: bundle } : schema;
  const seen = new Set<unknown>();
  const stack: unknown[] = [schema];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!isNode(node) || seen.has(node)) continue;
    seen.add(node);
    if (typeof node.$ref === 'string') {
      const target = atPointer(root, node.$ref);
      if (target === undefined) return node.$ref;
      stack.push(target);
    }
    for (const value of Object.values(node)) if (isNode(value)) stack.push(value);
  }
  return undefined;
}

const PARAMETER_LOCATIONS: [string, string][] = [
  ['query', 'query'],
  ['headers', 'header'],
  ['path', 'path'],
  ['cookie', 'cookie'],
];

/** The operations (as Prism built them) whose request, in some location, holds a `$ref` Prism cannot open. */
export function findPrismBlindSpots(operations: readonly unknown[]): PrismBlindSpot[] {
  const spots: PrismBlindSpot[] = [];
  for (const op of operations) {
    if (!isNode(op) || typeof op.method !== 'string' || typeof op.path !== 'string' || !isNode(op.request)) continue;
    const bundle = op.__bundled__;
    const errors = isNode(op.__errors__) ? op.__errors__ : {};
    const found = new Map<string, string>();
    const body = op.request.body;
    for (const content of isNode(body) && Array.isArray(body.contents) ? body.contents : []) {
      const ref = isNode(content) ? unresolvedRef(content.schema, bundle) : undefined;
      if (ref !== undefined && !found.has('body')) found.set('body', ref);
    }
    for (const [field, location] of PARAMETER_LOCATIONS) {
      const parameters = op.request[field];
      for (const parameter of Array.isArray(parameters) ? parameters : []) {
        const ref = isNode(parameter) ? unresolvedRef(parameter.schema, bundle) : undefined;
        if (ref !== undefined && !found.has(location)) found.set(location, ref);
      }
    }
    if (found.size === 0) continue;
    const ref = [...found.values()][0] as string;
    const bundlerSaid = typeof errors[ref] === 'string' ? `: ${errors[ref] as string}` : '';
    spots.push({ method: op.method.toLowerCase(), path: op.path, locations: [...found.keys()], why: `its bundler left the $ref ${ref} unresolved${bundlerSaid}` });
  }
  return spots;
}

/** Why the mock cannot prove this negative case (its violation is where Prism validates nothing), or undefined. */
export function blindSpotReason(spots: readonly PrismBlindSpot[], testCase: TestCase): string | undefined {
  const at = testCase.expect.violationAt;
  if (spots.length === 0 || testCase.kind !== 'negative' || !at || at[0] !== 'request' || at[1] === undefined) return undefined;
  const location = at[1];
  const method = testCase.operation.method.toLowerCase();
  const spot = spots.find((s) => s.method === method && s.path === testCase.operation.path && s.locations.includes(location));
  if (!spot) return undefined;
  return `Prism cannot validate this operation's request ${location} (${spot.why}), so it accepts any ${location}: Prism's defect, not the document's (a live --target still gets this case)`;
}

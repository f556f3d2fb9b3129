/**
 * Where a request body names resources a provider state can create (`creates: { body }`), and the
 * body with fresh ids put there. A negative body case keeps its broken value: an id at or inside
 * the spot its rule breaks is left as it is, and ids are only put under a broken array or object
 * when the rule it breaks does not read their values (maxItems, required…). Equal ids stay equal
 * and distinct ids distinct, so a body breaking uniqueItems still breaks it.
 */

/** Rules of an array or object that hold whatever ids its members are. */
const COUNT_RULES = new Set(['maxItems', 'minItems', 'uniqueItems', 'maxProperties', 'minProperties', 'required', 'additionalProperties', 'unevaluatedProperties', 'dependentRequired', 'propertyNames']);

const unescape = (segment: string) => segment.replaceAll('~1', '/').replaceAll('~0', '~');

/** The paths of the string values at `pointer` (`*` for each item of an array) in `body`. */
export function idLocations(body: unknown, pointer: string): string[][] {
  const segments = pointer === '' ? [] : pointer.slice(1).split('/').map(unescape);
  const found: string[][] = [];
  const walk = (value: unknown, at: number, path: string[]) => {
    if (at === segments.length) {
      if (typeof value === 'string') found.push(path);
      return;
    }
    const segment = segments[at] as string;
    if (segment === '*') {
      if (Array.isArray(value)) value.forEach((item, i) => walk(item, at + 1, [...path, String(i)]));
    } else if (value !== null && typeof value === 'object' && Object.hasOwn(value, segment)) {
      walk((value as Record<string, unknown>)[segment], at + 1, [...path, segment]);
    }
  };
  walk(body, 0, []);
  return found;
}

const startsWith = (path: string[], prefix: string[]) => prefix.length <= path.length && prefix.every((s, i) => path[i] === s);

/**
 * The locations a fresh id may replace, given the case's broken spot (`violationAt` after
 * `request`, `body`, JSON-pointer escaped) and the rule's keyword. Undefined: no broken spot (a
 * valid body).
 */
export function replaceableLocations(locations: string[][], broken?: { at: string[]; keyword: string }): string[][] {
  if (!broken) return locations;
  const at = broken.at.map(unescape);
  return locations.filter((location) => {
    if (startsWith(at, location)) return false;
    if (startsWith(location, at)) return COUNT_RULES.has(broken.keyword);
    return true;
  });
}

/** The distinct values held at `locations`, in order of first appearance. */
export function distinctValues(body: unknown, locations: string[][]): string[] {
  return [...new Set(locations.map((path) => valueAt(body, path) as string))];
}

/** `body` with the value at each location replaced by `fresh[index of its old value among the distinct ones]`. */
export function withFreshIds(body: unknown, locations: string[][], fresh: string[]): unknown {
  const order = distinctValues(body, locations);
  if (locations.some((path) => path.length === 0)) return fresh[0];
  const next = structuredClone(body);
  for (const path of locations) {
    const parent = valueAt(next, path.slice(0, -1)) as Record<string, unknown>;
    const key = path[path.length - 1] as string;
    parent[key] = fresh[order.indexOf(parent[key] as string)];
  }
  return next;
}

function valueAt(value: unknown, path: string[]): unknown {
  let current = value;
  for (const segment of path) current = (current as Record<string, unknown>)[segment];
  return current;
}

import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';

/**
 * An object schema whose properties are all optional but that needs at least one of them
 * (`minProperties: 1`, no `required`, e.g. a strict PATCH body). As a plain all-optional type,
 * `{ nickname: 'x' }` would compile against it (openapi-fetch's `T & {}` escapes TypeScript's
 * weak-type check); as "at least one known property", it does not, and neither does `{}`.
 */
function needsOneOf(schema: unknown): boolean {
  if (typeof schema !== 'object' || schema === null) return false;
  const s = schema as { type?: unknown; minProperties?: unknown; required?: unknown; properties?: unknown };
  return s.type === 'object' && typeof s.minProperties === 'number' && s.minProperties >= 1 && (!Array.isArray(s.required) || s.required.length === 0) && typeof s.properties === 'object' && s.properties !== null && Object.keys(s.properties).length > 0;
}

const AT_LEAST_ONE = `
/** \`T\` with at least one of its (all optional) properties present: a schema's \`minProperties: 1\`. */
export type AtLeastOne<T> = { [K in keyof T]-?: Required<Pick<T, K>> & Partial<Omit<T, K>> }[keyof T];
`;

/** TypeScript types (`paths`, `components`, `operations`) of one bundled document. */
export async function renderTypes(bundledFile: URL): Promise<string> {
  let used = false;
  const ast = await openapiTS(bundledFile, {
    silent: true,
    postTransform(type, options) {
      if (!ts.isTypeLiteralNode(type) || !needsOneOf(options.schema)) return undefined;
      used = true;
      return ts.factory.createTypeReferenceNode('AtLeastOne', [type]);
    },
  });
  return astToString(ast) + (used ? AT_LEAST_ONE : '');
}

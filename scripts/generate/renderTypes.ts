import openapiTS, { astToString } from 'openapi-typescript';

/** TypeScript types (`paths`, `components`, `operations`) of one bundled document. */
export async function renderTypes(bundledFile: URL): Promise<string> {
  const ast = await openapiTS(bundledFile, { silent: true });
  return astToString(ast);
}

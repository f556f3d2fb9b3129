import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';

/** One compile error in a consumer file: where it is and what TypeScript said. */
export interface ConsumerError {
  /** The consumer file, relative to `displayRoot`. */
  file: string;
  line: number;
  code: number;
  message: string;
}

const openapiFetchTypes = join(dirname(createRequire(import.meta.url).resolve('openapi-fetch/package.json')), 'dist', 'index.d.mts');

/**
 * Parsed files that do not change between two compiles of one run (TypeScript's libs, openapi-fetch's
 * types): pass the same cache to both compiles to parse them once.
 */
export type SourceFileCache = Map<string, ts.SourceFile>;

function cachingHost(options: ts.CompilerOptions, cache: SourceFileCache): ts.CompilerHost {
  const host = ts.createCompilerHost(options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, language, onError, shouldCreate) => {
    const shared = fileName.includes('/node_modules/');
    const hit = shared ? cache.get(fileName) : undefined;
    if (hit) return hit;
    const file = read(fileName, language, onError, shouldCreate);
    if (file && shared) cache.set(fileName, file);
    return file;
  };
  return host;
}

/**
 * Type-checks consumer files that import `partner-api-contracts/<api>` against the generated
 * TypeScript in `typesDir/<api>/` (index.ts, client.ts, schema.ts), the way a team compiles its
 * code after upgrading the package. Strict mode, bundler resolution, no emit.
 */
export function compileConsumers(files: string[], typesDir: string, displayRoot: string, cache: SourceFileCache = new Map()): ConsumerError[] {
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    types: [],
    paths: {
      'partner-api-contracts/*': [join(typesDir, '*', 'index.ts')],
      'openapi-fetch': [openapiFetchTypes],
    },
  };
  const program = ts.createProgram(files, options, cachingHost(options, cache));
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.category === ts.DiagnosticCategory.Error)
    .map((d) => {
      const file = d.file ? ts.sys.resolvePath(d.file.fileName) : '';
      const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
      return {
        file: file ? relative(displayRoot, file) : '(program)',
        line,
        code: d.code,
        message: ts.flattenDiagnosticMessageText(d.messageText, ' '),
      };
    });
}

/**
 * `--data-dir` checked and made ready before PGlite sees it, so a bad value is one line naming the
 * flag (exit 2) instead of an error from deep inside the copy or PGlite, or no answer at all:
 * Node's recursive `mkdir` never returns for a path under `/proc`, so a missing folder is made one
 * level at a time here.
 */
import { existsSync, type Stats } from 'node:fs';
import { access, constants, mkdir, readdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { LOCK_FILE } from '../store/dataDirLock.js';

const codeOf = (error: unknown) => (error as NodeJS.ErrnoException).code ?? (error as Error).message;

/** Why `dir` cannot hold the sandbox's data, creating it (and missing parents) when absent; `undefined` when it can. */
export async function dataDirProblem(dir: string): Promise<string | undefined> {
  const at = `--data-dir ${dir}`;
  const path = resolve(dir);
  let info: Stats | undefined;
  try {
    info = await stat(path);
  } catch (error) {
    if (codeOf(error) !== 'ENOENT' && codeOf(error) !== 'ENOTDIR') return `${at}: cannot be read (${codeOf(error)})`;
  }
  if (info === undefined) {
    const missing: string[] = [];
    for (let p = path; !existsSync(p) && dirname(p) !== p; p = dirname(p)) missing.unshift(p);
    for (const p of missing) {
      try {
        await mkdir(p);
      } catch (error) {
        return `${at}: cannot be created (${codeOf(error)})`;
      }
    }
    return undefined;
  }
  if (!info.isDirectory()) return `${at}: is a file, not a folder`;
  try {
    await access(path, constants.R_OK | constants.W_OK);
  } catch (error) {
    return `${at}: cannot be written (${codeOf(error)})`;
  }
  // A lock left by a sandbox killed before it made the folder a cluster is no other file (dataDirLock.ts).
  const entries = (await readdir(path)).filter((name) => name !== LOCK_FILE);
  if (entries.length > 0 && !entries.includes('PG_VERSION')) return `${at}: holds other files and no sandbox data (no PG_VERSION): use an empty or new folder`;
  return undefined;
}

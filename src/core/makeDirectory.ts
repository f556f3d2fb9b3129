/**
 * `mkdir -p`, one level at a time. Node's own recursive mkdir never settles for a path whose parent
 * takes no new folders though it exists (`mkdir('/proc/x', { recursive: true })` hangs on Node 20,
 * sync or not), so a command given such a folder hung instead of saying so. Here each missing
 * folder is made alone, and the first that cannot be is named with the reason in words.
 */
import { mkdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

const REASONS: Record<string, string> = {
  ENOENT: 'the file system there takes no new folders',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  ENOTDIR: 'a part of the path is a file, not a folder',
  ENOSPC: 'no space left on the device',
};

const codeOf = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code ?? '';
const inWords = (error: unknown) => REASONS[codeOf(error)] ?? (error instanceof Error ? error.message : String(error));

/** Makes the folder `path` and any missing parents; throws an Error naming the folder that cannot be made, and why. */
export async function makeDirectory(path: string): Promise<void> {
  const missing: string[] = [];
  for (let at = resolve(path); ; at = dirname(at)) {
    try {
      if (!(await stat(at)).isDirectory()) throw new Error(`'${at}' is a file, not a folder`);
      break;
    } catch (error) {
      if (codeOf(error) !== 'ENOENT') throw error instanceof Error && !codeOf(error) ? error : new Error(`cannot read '${at}': ${inWords(error)}`);
      if (dirname(at) === at) break;
      missing.unshift(at);
    }
  }
  for (const folder of missing) {
    try {
      await mkdir(folder);
    } catch (error) {
      if (codeOf(error) === 'EEXIST' && (await stat(folder)).isDirectory()) continue; // made meanwhile
      throw new Error(`cannot create the folder '${folder}': ${inWords(error)}`);
    }
  }
}

import { constants } from 'node:fs';
import { access, open, stat, unlink } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

/**
 * Why `path` cannot be written as the `--output` file, checked before the run; undefined when it
 * can. A file that is not there yet is created and removed at once: a folder's write permission
 * does not prove a file can be made in it (under /proc, as root, it cannot).
 */
export async function outputProblem(path: string): Promise<string | undefined> {
  const file = resolve(path);
  const existing = await stat(file).catch(() => undefined);
  if (existing?.isDirectory()) return `--output: '${path}' is a folder, not a file`;
  if (existing) return (await access(file, constants.W_OK).then(() => true, () => false)) ? undefined : `--output: '${path}' is not writable`;
  const folder = dirname(file);
  const parent = await stat(folder).catch(() => undefined);
  if (!parent) return `--output: cannot write '${path}': the folder ${folder} does not exist`;
  if (!parent.isDirectory()) return `--output: cannot write '${path}': ${folder} is not a folder`;
  if (!(await access(folder, constants.W_OK).then(() => true, () => false))) return `--output: cannot write '${path}': the folder ${folder} is not writable`;
  try {
    const handle = await open(file, 'wx');
    await handle.close();
    await unlink(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return undefined; // made meanwhile by another: writable as far as this can tell
    return `--output: cannot write '${path}': a file cannot be created in ${folder} (${code ?? (error as Error).message})`;
  }
  return undefined;
}

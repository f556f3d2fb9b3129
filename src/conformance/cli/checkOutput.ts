import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

/** Why `path` cannot be written as the `--output` file, checked before the run (nothing is created); undefined when it can. */
export async function outputProblem(path: string): Promise<string | undefined> {
  const file = resolve(path);
  const existing = await stat(file).catch(() => undefined);
  if (existing?.isDirectory()) return `--output: '${path}' is a folder, not a file`;
  if (existing) return (await access(file, constants.W_OK).then(() => true, () => false)) ? undefined : `--output: '${path}' is not writable`;
  const folder = dirname(file);
  const parent = await stat(folder).catch(() => undefined);
  if (!parent) return `--output: cannot write '${path}': the folder ${folder} does not exist`;
  if (!parent.isDirectory()) return `--output: cannot write '${path}': ${folder} is not a folder`;
  return (await access(folder, constants.W_OK).then(() => true, () => false)) ? undefined : `--output: cannot write '${path}': the folder ${folder} is not writable`;
}

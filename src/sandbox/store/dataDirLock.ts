/**
 * One sandbox per PGlite data directory. PGlite takes no lock of its own (no postmaster.pid), so a
 * second process, or a second open in this one, would write the same files at once and corrupt
 * them, and each one's read cache, which trusts that it is the only writer, would answer what the
 * other already changed. `sandbox.lock` in the directory holds the pid of the sandbox that has it
 * open, made with exclusive create; a lock whose process is gone (killed before it could remove
 * it) is taken over.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { processAlive } from './processAlive.js';

export const LOCK_FILE = 'sandbox.lock';


const codeOf = (error: unknown) => (error as NodeJS.ErrnoException).code;

/** Takes `dir`'s lock for this process, or throws one line naming the process that holds it; resolves to its release. */
export async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  const path = join(dir, LOCK_FILE);
  const mine = `${process.pid}\n`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await writeFile(path, mine, { flag: 'wx' });
      return async () => {
        // Only our own lock: never one another sandbox took over meanwhile.
        if ((await readFile(path, 'utf8').catch(() => '')) === mine) await rm(path, { force: true });
      };
    } catch (error) {
      if (codeOf(error) !== 'EEXIST') throw error;
    }
    const holder = Number((await readFile(path, 'utf8').catch(() => '')).trim());
    if (Number.isInteger(holder) && holder > 0 && processAlive(holder)) {
      throw new Error(`another sandbox (process ${holder}) has ${dir} open; stop it first, or use another folder`);
    }
    await rm(path, { force: true }); // its process is gone (or the file is no pid): take it over
  }
  throw new Error(`${dir}: ${LOCK_FILE} keeps changing; another sandbox is starting on this folder`);
}

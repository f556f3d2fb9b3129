/**
 * A bench process: a forked `node --import tsx` child that answers requests over IPC, one at a
 * time in the parent's order (`call`), and reports its peak RSS. `serve` is the child's side.
 */
import { fork, type ChildProcess } from 'node:child_process';

interface Reply {
  id: number;
  value?: unknown;
  error?: string;
}

export interface BenchChild {
  pid: number;
  call<T>(type: string, payload?: unknown): Promise<T>;
  stop(): Promise<void>;
}

/** Forks `file` with `args` (under `node --import tsx` and `nodeFlags`); resolves once it has sent its first message (it is ready). */
export async function startChild(file: string, args: string[], nodeFlags: string[] = []): Promise<BenchChild & { ready: unknown }> {
  const child: ChildProcess = fork(file, args, { execArgv: [...nodeFlags, '--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let next = 0;
  const ready = await new Promise<unknown>((resolve, reject) => {
    child.once('message', (m) => resolve((m as Reply).value));
    child.once('exit', (code) => reject(new Error(`bench process ${file} ${args.join(' ')} exited with ${code} before it was ready`)));
  });
  child.on('message', (m) => {
    const reply = m as Reply;
    const waiting = pending.get(reply.id);
    pending.delete(reply.id);
    if (reply.error !== undefined) waiting?.reject(new Error(reply.error));
    else waiting?.resolve(reply.value);
  });
  child.on('exit', (code) => {
    for (const w of pending.values()) w.reject(new Error(`bench process ${file} exited with ${code}`));
    pending.clear();
  });
  return {
    ready,
    pid: child.pid ?? -1,
    call<T>(type: string, payload?: unknown): Promise<T> {
      const id = next++;
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        child.send({ id, type, payload });
      });
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.send({ id: -1, type: 'stop' });
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}

/**
 * The node flags `npm run sandbox` starts the sandbox with (package.json's `sandbox` script, up to
 * `--import tsx`), so the bench measures the sandbox as it is run.
 */
export async function sandboxNodeFlags(): Promise<string[]> {
  const { readFile } = await import('node:fs/promises');
  const script = (JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> }).scripts.sandbox ?? '';
  const flags = /^node\s+(.*?)\s*--import tsx src\/sandbox\/cli\.ts/.exec(script)?.[1];
  if (flags === undefined) throw new Error(`package.json's sandbox script is not \`node [flags] --import tsx src/sandbox/cli.ts\`: ${script}`);
  return flags.split(/\s+/).filter(Boolean);
}

/** This process's peak resident set size (VmHWM, Linux), or the current RSS elsewhere. */
export async function peakRssBytes(): Promise<number> {
  try {
    const status = await (await import('node:fs/promises')).readFile('/proc/self/status', 'utf8');
    const kib = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
    if (kib) return Number(kib) * 1024;
  } catch {
    // not Linux
  }
  return process.memoryUsage().rss;
}

/** The child's side: sends `ready`, then answers each message with `handlers[type]`; `stop` runs `onStop` and exits. */
export function serve(ready: unknown, handlers: Record<string, (payload: unknown) => Promise<unknown>>, onStop: () => Promise<void>): void {
  const all: Record<string, (payload: unknown) => Promise<unknown>> = { memory: async () => peakRssBytes(), ...handlers };
  process.on('message', (m) => {
    const { id, type, payload } = m as { id: number; type: string; payload: unknown };
    if (type === 'stop') {
      void onStop().finally(() => process.exit(0));
      return;
    }
    const handler = all[type];
    if (!handler) return process.send?.({ id, error: `no handler for ${type}` });
    handler(payload).then(
      (value) => process.send?.({ id, value }),
      (error: unknown) => process.send?.({ id, error: error instanceof Error ? error.message : String(error) }),
    );
  });
  process.send?.({ id: -1, value: ready });
}

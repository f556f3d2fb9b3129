/**
 * Progress of a long run, one line at a time on stderr: how many of each API's cases have been
 * answered, after how long, and how long the rest would take at the pace so far (an estimate:
 * cases differ in cost, and a large document's slow ones are not spread evenly). Nothing is
 * printed before `firstAfterMs`, so a run of seconds prints no progress at all.
 */

export interface ProgressOptions {
  write(line: string): void;
  /** Milliseconds on a monotonic clock (default: performance.now). */
  now?: () => number;
  /** The first line comes no sooner than this after an API's first case (default 30 s)… */
  firstAfterMs?: number;
  /** …and each next one no sooner than this after the last (default 30 s). */
  everyMs?: number;
}

/** `1h 02m`, `5m 07s`, `42s`. */
export function duration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h > 0) return `${h}h ${String(m).padStart(2, '0')}m`;
  if (m > 0) return `${m}m ${String(s).padStart(2, '0')}s`;
  return `${s}s`;
}

/** Told, after each case, how many of an API's cases are done; prints a line when one is due. */
export type ProgressListener = (api: string, done: number, total: number) => void;

export function progressReporter(options: ProgressOptions): ProgressListener {
  const now = options.now ?? (() => performance.now());
  const firstAfter = options.firstAfterMs ?? 30_000;
  const every = options.everyMs ?? 30_000;
  const runs = new Map<string, { started: number; printed?: number }>();
  return (api, done, total) => {
    const t = now();
    let run = runs.get(api);
    if (!run) runs.set(api, (run = { started: t }));
    const elapsed = t - run.started;
    if (done >= total || elapsed < firstAfter || (run.printed !== undefined && t - run.printed < every)) return;
    run.printed = t;
    const percent = Math.floor((done / total) * 100);
    const left = done > 0 ? `; about ${duration((elapsed / done) * (total - done))} left at this pace` : '';
    options.write(`${api}: ${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} cases answered (${percent}%) in ${duration(elapsed)}${left}`);
  };
}

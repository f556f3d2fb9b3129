/**
 * The load generator's own process (forked by the bench): autocannon for loaded workloads, and
 * one-at-a-time requests for timed ones, so the client's CPU is never the measured server's.
 */
import { serve } from './child.js';
import { loadTest, type LoadSpec } from './loadTest.js';

export interface TimedSpec {
  url: string;
  method: string;
  headers: Record<string, string>;
  bodies: string[];
}

/** Each body sent once, in turn; the milliseconds of each (a non-200 answer is an error). */
async function timed(spec: TimedSpec): Promise<number[]> {
  const ms: number[] = [];
  for (const body of spec.bodies) {
    const started = performance.now();
    const response = await fetch(spec.url, { method: spec.method, headers: spec.headers, body });
    await response.text();
    if (response.status !== 200) throw new Error(`${spec.method} ${spec.url} answered ${response.status}`);
    ms.push(performance.now() - started);
  }
  return ms;
}

serve('ready', { load: (spec) => loadTest(spec as LoadSpec), timed: (spec) => timed(spec as TimedSpec) }, async () => undefined);

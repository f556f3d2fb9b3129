/** The rows of issue 13's table: each measured value, its target and whether it is met. */
import { availableParallelism } from 'node:os';
import { median, msOf, rpsOf, type SandboxBenchResult, type SandboxRow } from './sandboxBench.js';

const MIB = 2 ** 20;

export function printIssueTargets(mock: { fullRunMs: number[]; coldCpuMs: number[]; warmCpuMs: number[] }, apis: number, sandbox: SandboxBenchResult): void {
  const row = (engine: string, operation: string, target: string) => sandbox.rows.find((r) => r.engine === engine && (operation === 'timed' ? r.samples[0]?.ms !== undefined : r.operation.startsWith(operation)) && r.target === target);
  const vs = (engine: string, operation: string, target: string) => rpsOf(row(engine, operation, 'sandbox')) / rpsOf(row(engine, operation, target));
  const x = (n: number) => `${n.toFixed(2)}×`;
  const ok = (met: boolean) => (met ? 'met' : 'NOT met');
  const lines: [string, string, string, boolean][] = [];
  const fullRun = median(mock.fullRunMs);
  lines.push(['full conformance run vs Prism, quiet', `${(fullRun / 1000).toFixed(2)} s`, '≤ 2 s', fullRun <= 2000]);
  const perApi = median(mock.coldCpuMs) / apis;
  lines.push(['Prism start cost per API', `${(perApi / 1000).toFixed(2)} s CPU cold, ${(median(mock.warmCpuMs) / apis / 1000).toFixed(2)} s loaded`, 'paid once per run', true]);
  const getPg = vs('PostgreSQL', 'GET influencer', 'Prism');
  const getPgCeiling = vs('PostgreSQL', 'GET influencer', 'ceiling');
  lines.push(['sandbox GET, PostgreSQL', `${x(getPg)} Prism, ${x(getPgCeiling)} ceiling`, '≥ 5× Prism, ≥ 0.8× ceiling', getPg >= 5 && getPgCeiling >= 0.8]);
  const getLite = vs('PGlite', 'GET influencer', 'Prism');
  lines.push(['sandbox GET, PGlite', `${x(getLite)} Prism`, '≥ 2× Prism', getLite >= 2]);
  const patch = vs('PostgreSQL', 'PATCH influencer', 'Prism');
  const revoke = vs('PostgreSQL', 'revoke', 'Prism');
  // The hand-written ceiling's own ratios bound what the sandbox can reach on this machine.
  const ceiling = (operation: string) => rpsOf(row('PostgreSQL', operation, 'ceiling')) / rpsOf(row('PostgreSQL', operation, 'Prism'));
  lines.push(['PATCH / revoke, PostgreSQL', `${x(patch)} / ${x(revoke)} Prism (ceiling ${x(ceiling('PATCH influencer'))} / ${x(ceiling('revoke'))})`, '≥ 2× Prism', patch >= 2 && revoke >= 2]);
  const timedPg = msOf(row('PostgreSQL', 'timed', 'sandbox'));
  const timedLite = msOf(row('PGlite', 'timed', 'sandbox'));
  const timedVs = Math.min(vs('PostgreSQL', 'timed', 'Prism'), vs('PGlite', 'timed', 'Prism'));
  lines.push(['delete of 10,000 ids, PostgreSQL / PGlite', `${timedPg.toFixed(0)} / ${timedLite.toFixed(0)} ms, ≥ ${x(timedVs)} Prism`, '≤ 150 / ≤ 300 ms, ≥ 1× Prism', timedPg <= 150 && timedLite <= 300 && timedVs >= 1]);
  const rss = sandbox.peakRss['PGlite sandbox'] ?? NaN;
  lines.push(['sandbox peak memory, PGlite', `${(rss / MIB).toFixed(0)} MiB`, '≤ 300 MiB', rss <= 300 * MIB]);
  console.log('issue 13 targets (medians of this run)');
  for (const [what, value, target, met] of lines) console.log(`  ${what.padEnd(44)}${value.padEnd(48)}${target.padEnd(30)}${ok(met)}`);
  // What the CPU time per request allows: every process of a request shares this machine's cores,
  // so no server can answer more than cores ÷ (CPU seconds per request) requests a second.
  const cores = availableParallelism();
  const bounds: string[] = [];
  for (const operation of ['PATCH influencer', 'revoke']) {
    const prism = rpsOf(row('PostgreSQL', operation, 'Prism'));
    for (const target of ['sandbox', 'ceiling']) {
      const measured = row('PostgreSQL', operation, target);
      // A rate estimated from latency (a fixed list of requests shorter than the run) has its CPU
      // per request blurred by the load's start and end: no bound is drawn from it.
      if (measured?.samples.some((s) => s.fromLatency)) continue;
      const us = cpuPerRequest(measured);
      if (us === undefined) continue;
      const most = (cores * 1e6) / us;
      bounds.push(`${operation} ${target}: ${us.toFixed(0)} µs CPU per request (all processes), so at most ${Math.round(most).toLocaleString('en-US')}/s = ${x(most / prism)} Prism`);
    }
  }
  if (bounds.length > 0) {
    console.log(`  the most ${cores} cores allow, from the CPU time per request of the server, PostgreSQL and the load generator:`);
    for (const b of bounds) console.log(`    ${b}`);
  }
}

/** The median over rounds of the CPU µs one request cost across the server, PostgreSQL and the load generator; undefined without /proc. */
function cpuPerRequest(row: SandboxRow | undefined): number | undefined {
  const totals = (row?.samples ?? []).flatMap((s) => (s.cpu ? [s.cpu.server + (s.cpu.database ?? 0) + s.cpu.load] : []));
  return totals.length > 0 ? median(totals) : undefined;
}

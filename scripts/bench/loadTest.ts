import autocannon from 'autocannon';

export interface LoadResult {
  requestsPerSecond: number;
  /** Throughput estimated from latency (fixed-count runs), not counted over time. */
  fromLatency: boolean;
  p50: number;
  p99: number;
  /** Responses outside 2xx: a benchmark of error answers measures the wrong thing. */
  non2xx: number;
  total: number;
}

export interface LoadSpec {
  url: string;
  method: 'GET' | 'PATCH' | 'DELETE';
  headers: Record<string, string>;
  /** Bodies sent in turn (a PATCH that alternates really writes). */
  bodies?: string[];
  /** Paths sent in turn, one request each, `amount` = their count (revoke consumes an account per request). */
  paths?: string[];
  durationSeconds?: number;
  connections?: number;
}

/** Loads one loopback URL with autocannon and returns throughput and latency. */
export async function loadTest(spec: LoadSpec): Promise<LoadResult> {
  let i = 0;
  const started = performance.now();
  const result = await autocannon({
    url: spec.url,
    connections: spec.connections ?? 10,
    ...(spec.paths ? { amount: spec.paths.length } : { duration: spec.durationSeconds ?? 3 }),
    requests: [
      {
        method: spec.method,
        headers: spec.headers,
        setupRequest: (request) => {
          const n = i++;
          return {
            ...request,
            ...(spec.paths ? { path: spec.paths[n % spec.paths.length] as string } : {}),
            ...(spec.bodies ? { body: spec.bodies[n % spec.bodies.length] as string } : {}),
          };
        },
      },
    ],
  });
  const elapsedSeconds = (performance.now() - started) / 1000;
  // A fixed-count run ends on autocannon's one-second sample tick, so its elapsed time is rounded up
  // to whole seconds; its throughput comes from Little's law (connections ÷ mean latency) instead.
  const connections = spec.connections ?? 10;
  return {
    requestsPerSecond: spec.paths ? (connections * 1000) / result.latency.average : result.requests.total / elapsedSeconds,
    fromLatency: spec.paths !== undefined,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    total: result.requests.total,
  };
}

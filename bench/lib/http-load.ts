// A closed-loop HTTP load generator for the rush benchmark: `clients` concurrent callers over keep-alive
// connections share one list of requests, each taking the next as soon as its previous one answered.
// Bounded by the list and by a time limit; reports latencies, statuses and throughput.
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { type Summary, summarise } from './measure.ts';

export type LoadRequest = { path: string; body: unknown };
export type LoadResult = {
  sent: number;
  seconds: number;
  perSecond: number;
  latency: Summary;
  statuses: Map<number, number>;
  /** Seconds elapsed when the time limit stopped the run early, else undefined. */
  stoppedAt?: number;
};

export async function runLoad(options: {
  baseUrl: string;
  headers: Record<string, string>;
  requests: LoadRequest[];
  clients: number;
  timeLimitSeconds: number;
  onProgress?: (done: number) => void;
}): Promise<LoadResult> {
  const url = new URL(options.baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.clients });
  const durations: number[] = [];
  const statuses = new Map<number, number>();
  const started = performance.now();
  const deadline = started + options.timeLimitSeconds * 1000;
  let next = 0;
  let isStopped = false;
  const post = (request: LoadRequest) =>
    new Promise<number>((resolve, reject) => {
      const payload = JSON.stringify(request.body);
      const call = http.request(
        {
          agent,
          host: url.hostname,
          port: url.port,
          method: 'POST',
          path: request.path,
          headers: {
            ...options.headers,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(payload),
          },
        },
        (response) => {
          response.resume();
          response.on('end', () => resolve(response.statusCode ?? 0));
          response.on('error', reject);
        },
      );
      call.on('error', reject);
      call.end(payload);
    });
  const client = async () => {
    while (next < options.requests.length) {
      if (performance.now() > deadline) {
        isStopped = true;
        return;
      }
      const request = options.requests[next++]!;
      const at = performance.now();
      const status = await post(request).catch(() => 0);
      durations.push(performance.now() - at);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (durations.length % 1000 === 0) options.onProgress?.(durations.length);
    }
  };
  await Promise.all(Array.from({ length: options.clients }, client));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return {
    sent: durations.length,
    seconds,
    perSecond: durations.length / seconds,
    latency: summarise(durations),
    statuses,
    ...(isStopped ? { stoppedAt: seconds } : {}),
  };
}

/** One request to sign in or read the session, keeping cookies like a browser. */
export async function requestJson(
  baseUrl: string,
  method: 'GET' | 'POST',
  path: string,
  options: { body?: unknown; cookie?: string } = {},
): Promise<{ status: number; body: unknown; cookies: string[] }> {
  const response = await fetch(new URL(path, baseUrl), {
    method,
    headers: {
      ...(options.body ? { 'content-type': 'application/json' } : {}),
      ...(options.cookie ? { cookie: options.cookie } : {}),
    },
    body: options.body ? JSON.stringify(options.body) : undefined,
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? JSON.parse(text) : undefined,
    cookies: response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]!),
  };
}

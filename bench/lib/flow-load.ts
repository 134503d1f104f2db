// A closed-loop load of visitor flows (the portal rush): `clients` concurrent callers over keep-alive
// connections each take the next visitor as soon as the previous one is done, and a visitor makes several
// requests in a row (list, hold, book), each recorded under its kind. Bounded by the number of visitors and
// by a time limit; reports latencies, statuses and throughput per kind.
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import type { LoadResult } from './http-load.ts';
import { type Summary, summarise } from './measure.ts';

export type FlowReply = { status: number; body: unknown };
export type FlowRequest = {
  /** The line of the report this request counts in ("list", "hold", "book"). */
  kind: string;
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
};
export type FlowClient = {
  send(request: FlowRequest): Promise<FlowReply>;
  /** The time limit has passed: a visitor should stop where it is rather than start another step. */
  isOverdue(): boolean;
};
export type FlowResult = {
  visited: number;
  seconds: number;
  byKind: Map<string, LoadResult>;
  /** How long whole visits took, first request to last. */
  visits: Summary;
  /** Seconds elapsed when the time limit stopped the visitors, else undefined. */
  stoppedAt?: number;
};

type Recorded = { durations: number[]; statuses: Map<number, number> };

function sendWith(agent: http.Agent, url: URL, request: FlowRequest): Promise<FlowReply> {
  return new Promise((resolve, reject) => {
    const payload = request.body === undefined ? undefined : JSON.stringify(request.body);
    const call = http.request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        method: request.method,
        path: request.path,
        headers: {
          ...request.headers,
          ...(payload === undefined
            ? {}
            : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown;
          try {
            body = text ? JSON.parse(text) : undefined;
          } catch {
            body = text;
          }
          resolve({ status: response.statusCode ?? 0, body });
        });
        response.on('error', reject);
      },
    );
    call.on('error', reject);
    call.end(payload);
  });
}

export async function runFlows(options: {
  baseUrl: string;
  visitors: number;
  clients: number;
  timeLimitSeconds: number;
  /** One visitor's whole flow; every request it sends through `client` is timed. */
  visit(index: number, client: FlowClient): Promise<void>;
  onVisited?(done: number): void;
}): Promise<FlowResult> {
  const url = new URL(options.baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.clients });
  const recorded = new Map<string, Recorded>();
  const started = performance.now();
  const deadline = started + options.timeLimitSeconds * 1000;
  const client: FlowClient = {
    isOverdue: () => performance.now() > deadline,
    async send(request) {
      const at = performance.now();
      // A refused connection or a reset counts as status 0, like the rush's load generator.
      const reply = await sendWith(agent, url, request).catch(() => ({ status: 0, body: undefined }));
      const elapsed = performance.now() - at;
      let kind = recorded.get(request.kind);
      if (!kind) {
        kind = { durations: [], statuses: new Map() };
        recorded.set(request.kind, kind);
      }
      kind.durations.push(elapsed);
      kind.statuses.set(reply.status, (kind.statuses.get(reply.status) ?? 0) + 1);
      return reply;
    },
  };
  let next = 0;
  let visited = 0;
  const visitDurations: number[] = [];
  const worker = async () => {
    while (next < options.visitors) {
      if (client.isOverdue()) return;
      const at = performance.now();
      await options.visit(next++, client);
      visitDurations.push(performance.now() - at);
      options.onVisited?.(++visited);
    }
  };
  await Promise.all(Array.from({ length: options.clients }, worker));
  const seconds = (performance.now() - started) / 1000;
  // Past the deadline, visitors were refused a start or cut short.
  const isStopped = client.isOverdue();
  agent.destroy();
  const byKind = new Map<string, LoadResult>();
  for (const [kind, { durations, statuses }] of recorded)
    byKind.set(kind, {
      sent: durations.length,
      seconds,
      perSecond: durations.length / seconds,
      latency: summarise(durations),
      statuses,
    });
  return {
    visited,
    seconds,
    byKind,
    visits: summarise(visitDurations),
    ...(isStopped ? { stoppedAt: seconds } : {}),
  };
}

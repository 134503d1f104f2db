// The Twilio-like SMS provider of the tests, crash tests and benchmarks, on a loopback port: POST …/Messages.json with
// form fields To and Body answers 201 {sid} after a few milliseconds, and honours the
// `I-Twilio-Idempotency-Token` header like the real API does — a repeated token gets the first sid back
// and is not delivered again (counted in `droppedDuplicates`).
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type DeliveredSms = { sid: string; to: string; body: string; token: string | undefined; at: number };

export type SmsProviderStandIn = {
  /** Base URL to give as SMS_PROVIDER_URL. */
  url: string;
  /** Messages delivered once each (after idempotency-token dedup), in arrival order. */
  delivered: DeliveredSms[];
  /** Requests whose token had been seen already: answered with the first sid, not delivered. */
  droppedDuplicates: number;
  /** Requests accepted (delivered) whose reply is being withheld while `stall` is on. */
  stalled: number;
  /**
   * While on, a new message is delivered but its reply never comes, as if the sender died before reading
   * it (what a crash between "provider accepted" and "outbox updated" looks like from the provider).
   */
  stall: boolean;
  /**
   * While set, `stall` turns on by itself once this many messages have been delivered: the switch happens
   * inside the provider, between two requests, so a fast sender cannot finish the run before a test flips it.
   */
  stallAfter: number | undefined;
  /** While set, every request is answered with this HTTP status and nothing is delivered. */
  failWith: number | undefined;
  close(): Promise<void>;
};

export async function startSmsProvider(
  options: { minDelayMs?: number; maxDelayMs?: number; failWith?: number } = {},
): Promise<SmsProviderStandIn> {
  const minDelay = options.minDelayMs ?? 5;
  const maxDelay = options.maxDelayMs ?? 20;
  const sidByToken = new Map<string, string>();
  const server = http.createServer((request, response) => {
    if (request.method !== 'POST' || !request.url?.endsWith('/Messages.json')) {
      response.writeHead(404).end();
      return;
    }
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (provider.failWith) {
        response.writeHead(provider.failWith, { 'content-type': 'application/json' }).end('{}');
        return;
      }
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      const to = form.get('To');
      const body = form.get('Body');
      if (!to || !body) {
        response.writeHead(400, { 'content-type': 'application/json' }).end('{"code":21604}');
        return;
      }
      const header = request.headers['i-twilio-idempotency-token'];
      const token = typeof header === 'string' ? header : undefined;
      const known = token ? sidByToken.get(token) : undefined;
      let sid: string;
      if (known) {
        provider.droppedDuplicates++;
        sid = known;
      } else {
        sid = `SM${randomBytes(16).toString('hex')}`;
        if (token) sidByToken.set(token, sid);
        provider.delivered.push({ sid, to, body, token, at: Date.now() });
        if (provider.stallAfter !== undefined && provider.delivered.length > provider.stallAfter) {
          provider.stall = true;
        }
        if (provider.stall) {
          provider.stalled++;
          return;
        }
      }
      const delay = minDelay + Math.random() * (maxDelay - minDelay);
      setTimeout(() => {
        if (response.destroyed) return;
        response.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ sid }));
      }, delay);
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const provider: SmsProviderStandIn = {
    url: `http://127.0.0.1:${port}/2010-04-01/Accounts/ACstandin`,
    delivered: [],
    droppedDuplicates: 0,
    stalled: 0,
    stall: false,
    stallAfter: undefined,
    failWith: options.failWith,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return provider;
}

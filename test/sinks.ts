// Real protocol peers on loopback for notification tests: an SMTP server (smtp-server) and a
// Twilio-compatible SMS provider stand-in that honours idempotency tokens.
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export type ReceivedEmail = { to: string; raw: string };

export async function startSmtpSink() {
  const received: ReceivedEmail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address).join(','),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  server.listen(0, '127.0.0.1');
  await once(server.server, 'listening');
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type ReceivedSms = { to: string; body: string; token: string | undefined; sid: string };

export async function startSmsSink(options: { failWith?: number } = {}) {
  const delivered: ReceivedSms[] = [];
  const byToken = new Map<string, string>();
  let duplicatesDropped = 0;
  let next = 0;
  const state = { failWith: options.failWith };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (state.failWith) {
        response.writeHead(state.failWith).end('{}');
        return;
      }
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      const token = request.headers['i-twilio-idempotency-token'] as string | undefined;
      const known = token ? byToken.get(token) : undefined;
      if (known) {
        duplicatesDropped += 1;
        response.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ sid: known }));
        return;
      }
      const sid = `SM${String(++next).padStart(8, '0')}`;
      if (token) byToken.set(token, sid);
      delivered.push({ to: form.get('To') ?? '', body: form.get('Body') ?? '', token, sid });
      response.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ sid }));
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    delivered,
    state,
    get duplicatesDropped() {
      return duplicatesDropped;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export { waitFor } from './wait.ts';

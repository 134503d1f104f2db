// N1: the channels behind one interface. Email goes through nodemailer (SMTP_URL), SMS through a
// Twilio-compatible HTTP API (SMS_PROVIDER_URL); without configuration both stop at the built-in outbox,
// which every message is written to anyway. Each send carries the message's idempotency key (SMTP
// Message-ID, SMS `I-Twilio-Idempotency-Token`) so a provider can drop a duplicate after a crash.
import http from 'node:http';
import https from 'node:https';
import nodemailer from 'nodemailer';
import type { Config } from '../config.ts';

export type OutgoingEmail = {
  key: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  ics?: { method: 'REQUEST' | 'CANCEL'; content: string };
};
export type OutgoingSms = { key: string; to: string; body: string };

export type Transports = {
  emailTransport: 'smtp' | 'outbox';
  smsTransport: 'http' | 'outbox';
  sendEmail(message: OutgoingEmail): Promise<{ providerMessageId: string | null }>;
  sendSms(message: OutgoingSms): Promise<{ providerMessageId: string | null }>;
  close(): void;
};

const PROVIDER_TIMEOUT_MS = 15_000;

/** POSTs a form; resolves with the status and body text whatever the status. */
function postForm(
  agents: { http: http.Agent; https: https.Agent },
  url: string,
  form: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  const target = new URL(url);
  const isHttps = target.protocol === 'https:';
  return new Promise((resolve, reject) => {
    const request = (isHttps ? https : http).request(
      target,
      {
        method: 'POST',
        agent: isHttps ? agents.https : agents.http,
        timeout: PROVIDER_TIMEOUT_MS,
        headers: {
          ...headers,
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': Buffer.byteLength(form),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error('SMS provider timed out')));
    request.on('error', reject);
    request.end(form);
  });
}

export function createTransports(config: Config): Transports {
  // Kept-alive connections to the SMS provider: a rush of reminders reuses them instead of opening one
  // per message (node:http costs a fraction of fetch's CPU per request, issue #7).
  const agents = {
    http: new http.Agent({ keepAlive: true, maxSockets: 128 }),
    https: new https.Agent({ keepAlive: true, maxSockets: 128 }),
  };
  const mailer = config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : undefined;
  const domain = new URL(config.publicUrl).hostname || 'creneau.local';
  return {
    emailTransport: mailer ? 'smtp' : 'outbox',
    smsTransport: config.smsProviderUrl ? 'http' : 'outbox',
    async sendEmail(message) {
      if (!mailer) return { providerMessageId: null };
      const info = await mailer.sendMail({
        from: config.mailFrom,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        messageId: `<${message.key.replace(/[^\w.-]/g, '.')}@${domain}>`,
        ...(message.ics
          ? {
              icalEvent: {
                method: message.ics.method,
                content: message.ics.content,
                filename: 'rendez-vous.ics',
              },
            }
          : {}),
      });
      return { providerMessageId: info.messageId ?? null };
    },
    async sendSms(message) {
      if (!config.smsProviderUrl) return { providerMessageId: null };
      const body = new URLSearchParams({
        To: message.to,
        Body: message.body,
        ...(config.smsFrom ? { From: config.smsFrom } : {}),
      });
      body.set('StatusCallback', `${config.publicUrl}/api/v1/public/sms/status`);
      const auth = Buffer.from(`${config.smsAccountSid ?? ''}:${config.smsAuthToken ?? ''}`).toString(
        'base64',
      );
      const reply = await postForm(
        agents,
        `${config.smsProviderUrl.replace(/\/$/, '')}/Messages.json`,
        body.toString(),
        { authorization: `Basic ${auth}`, 'i-twilio-idempotency-token': message.key },
      );
      if (reply.status < 200 || reply.status >= 300) throw new Error(`SMS provider answered ${reply.status}`);
      let sid: string | undefined;
      try {
        sid = (JSON.parse(reply.body) as { sid?: string }).sid;
      } catch {
        sid = undefined;
      }
      return { providerMessageId: sid ?? null };
    },
    close() {
      mailer?.close();
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}

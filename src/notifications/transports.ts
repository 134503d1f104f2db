// N1: the channels behind one interface. Email goes through nodemailer (SMTP_URL), SMS through a
// Twilio-compatible HTTP API (SMS_PROVIDER_URL); without configuration both stop at the built-in outbox,
// which every message is written to anyway. Each send carries the message's idempotency key (SMTP
// Message-ID, SMS `I-Twilio-Idempotency-Token`) so a provider can drop a duplicate after a crash.
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

export function createTransports(config: Config): Transports {
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
      const response = await fetch(`${config.smsProviderUrl.replace(/\/$/, '')}/Messages.json`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: `Basic ${auth}`,
          'i-twilio-idempotency-token': message.key,
        },
        body,
        signal: AbortSignal.timeout(15_000),
      });
      if (!response.ok) throw new Error(`SMS provider answered ${response.status}`);
      const reply = (await response.json().catch(() => ({}))) as { sid?: string };
      return { providerMessageId: reply.sid ?? null };
    },
    close() {
      mailer?.close();
    },
  };
}

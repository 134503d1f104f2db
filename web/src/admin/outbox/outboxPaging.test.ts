// @vitest-environment node
// N1: outbox paging by `before` never skips a message sharing the last one's millisecond.
import { describe, expect, it } from 'vitest';
import { appendPage, excerpt, nextBefore, type OutboxMessage } from './outboxPaging';

const message = (id: string, createdAt: string): OutboxMessage => ({
  id,
  kind: 'appointment_cancelled',
  channel: 'email',
  recipient: 'lea@example.com',
  subject: 'Rendez-vous annulé',
  bodyText: 'Bonjour',
  bodyHtml: null,
  status: 'sent',
  transport: 'outbox',
  segments: null,
  icsMethod: 'CANCEL',
  error: null,
  userId: null,
  appointmentId: null,
  createdAt,
});

describe('N1: outbox paging', () => {
  it('N1: the next page starts just after the last message shown, and repeats are dropped', () => {
    const shown = [message('a', '2026-11-23T10:00:00.500Z'), message('b', '2026-11-23T10:00:00.123Z')];
    expect(nextBefore(shown)).toBe('2026-11-23T10:00:00.124Z');
    const page = [message('b', '2026-11-23T10:00:00.123Z'), message('c', '2026-11-23T10:00:00.123Z')];
    expect(appendPage(shown, page).map((m) => m.id)).toEqual(['a', 'b', 'c']);
  });

  it('N1: long texts are cut on one line for the list', () => {
    expect(excerpt('Bonjour\n\nvotre   rendez-vous', 100)).toBe('Bonjour votre rendez-vous');
    expect(excerpt('x'.repeat(20), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});

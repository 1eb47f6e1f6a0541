import addressparser from 'nodemailer/lib/addressparser/index.js';
import type { EmailAdapter } from 'payload';

import type { Settings } from '../../settings';
import { queueMail } from './outbox';

const first = (value: unknown) => {
  const list = Array.isArray(value) ? value : [value];
  const text = list
    .map((v) => (typeof v === 'object' && v && 'address' in v ? String(v.address) : String(v ?? '')))
    .join(', ');
  return addressparser(text, { flatten: true })[0];
};

/**
 * Payload's e-mail adapter: whatever Payload itself sends goes to the
 * column's outbox, so it is kept, retried and listed like the column's own
 * mails, and SMTP_URL is used in one place (src/cms/mail/outbox.ts, with
 * nodemailer). The column's own mails (reset, invitation, reminders) go to
 * the outbox directly.
 *
 * Not @payloadcms/email-nodemailer: its newest release (3.90.1) requires
 * payload 3.90.1 exactly, and Payload's dependency check refuses it beside
 * our 3.90.2. It is the same thing in a few lines: a nodemailer message handed on.
 */
export function mailAdapter(s: Settings): EmailAdapter<{ messageId: string | null | undefined }> {
  const from = addressparser(s.MAIL_FROM, { flatten: true })[0];
  return ({ payload }) => ({
    name: 'column-outbox',
    defaultFromAddress: from?.address ?? 'no-reply@localhost',
    defaultFromName: from?.name ?? '',
    sendEmail: async (message) => {
      const to = first(message.to);
      if (!to) throw new Error(`mail adapter: no recipient in ${JSON.stringify(message.to)}`);
      const subject = String(message.subject ?? '');
      const html = typeof message.html === 'string' ? message.html : '';
      const text = typeof message.text === 'string' ? message.text : subject;
      const kept = await queueMail(payload, {
        kind: 'other',
        to: { name: to.name, address: to.address },
        content: { subject, text, html },
      });
      return { messageId: kept.messageId };
    },
  });
}

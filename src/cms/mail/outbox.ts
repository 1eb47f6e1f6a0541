import { randomUUID } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';

import nodemailer, { type Transporter } from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { parseConnectionUrl } from 'nodemailer/lib/shared/index.js';
import type { Payload } from 'payload';

import type { MailContent } from '../../domain/mail-content';
import { nextAttemptAt } from '../../domain/mail-retry';
import { outboxRoot } from '../../domain/uploads-location';
import type { SchoolId } from '../../domain/school-access';
import { renderMessage } from '../../messages/catalogue';
import type { MailOutbox as OutboxDoc, School } from '../../payload-types';
import { settings, type Settings } from '../../settings';
import { type LeaseTarget, writeLease } from '../claim';
import { MAIL_OUTBOX, type MailKind } from './outbox-collection';

/**
 * Every mail goes through here: composed once (RFC 5322, UTF-8, text and
 * HTML), kept in the `mail-outbox` collection, then delivered — to the SMTP
 * server of SMTP_URL, or, without one, written as an `.eml` file under
 * MAIL_OUTBOX_DIR. A delivery that fails leaves the message in the outbox
 * with its error and a time to try again (src/domain/mail-retry.ts); the
 * `deliverMail` job (src/cms/mail/tasks.ts) and any later send pick it up.
 * Each delivery holds a lease on its message, so two runners never send
 * one message twice.
 */
export type Recipient = { name?: string | null; address: string };

export type OutgoingMail = {
  kind: MailKind;
  to: Recipient;
  content: MailContent;
  school?: SchoolId | null;
  /** Reminder and digest mails: the recipient's one-click unsubscribe link (RFC 2369, RFC 8058). */
  unsubscribeUrl?: string;
};

/** Account mails carry a link that opens the account: the outbox never shows their words. */
const PRIVATE_KINDS: readonly MailKind[] = ['password-reset', 'invitation'];

const LEASE_MS = 2 * 60_000;

type Delivery = { ok: true; file?: string } | { ok: false; error: string };

async function compose(mail: OutgoingMail, from: string) {
  const node = new MailComposer({
    from,
    to: mail.to.name ? { name: mail.to.name, address: mail.to.address } : mail.to.address,
    subject: mail.content.subject,
    text: mail.content.text,
    html: mail.content.html,
    ...(mail.unsubscribeUrl
      ? {
          // RFC 2369 and RFC 8058 (one click from the mail app). MailComposer alone ignores nodemailer's `list` option.
          headers: {
            'List-Unsubscribe': `<${mail.unsubscribeUrl}>`,
            'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          },
        }
      : {}),
  }).compile();
  const raw = await node.build();
  const { from: sender, to } = node.getEnvelope();
  return { raw: raw.toString('utf8'), envelope: { from: sender || '', to }, messageId: node.messageId() };
}

/**
 * Keeps `mail` in the outbox and tries to deliver it at once. Resolves with
 * the outbox document once the message is safely kept, whether or not this
 * first delivery succeeded (the document says which).
 */
export async function queueMail(payload: Payload, mail: OutgoingMail, options: { now?: Date } = {}) {
  const s = settings();
  const { raw, envelope, messageId } = await compose(mail, s.MAIL_FROM);
  const doc = await payload.create({
    collection: MAIL_OUTBOX,
    overrideAccess: true,
    depth: 0,
    data: {
      subject: mail.content.subject,
      to: mail.to.address,
      kind: mail.kind,
      state: 'queued',
      // The generated types give SQLite's numeric ids (src/cms/config.ts); on MongoDB the same id is a string.
      school: (mail.school ?? null) as School['id'] | null,
      attempts: 0,
      nextAttemptAt: (options.now ?? new Date()).toISOString(),
      messageId,
      preview: PRIVATE_KINDS.includes(mail.kind) ? null : mail.content.text,
      raw,
      envelope,
    },
  });
  return (await deliverMessage(payload, doc, { now: options.now })) ?? doc;
}

let transports = new Map<string, Transporter>();

function smtpTransport(url: string): Transporter {
  let transport = transports.get(url);
  if (!transport) {
    // A server that accepts the connection and then says nothing must not hold the job for minutes.
    const timeouts = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 };
    transport = nodemailer.createTransport({ ...timeouts, ...parseConnectionUrl(url) });
    transports.set(url, transport);
  }
  return transport;
}

/** Tests change SMTP_URL between runs: forget the open connections. */
export function closeMailTransports(): void {
  for (const t of transports.values()) t.close();
  transports = new Map();
}

const smtpHost = (url: string) => {
  const u = new URL(url);
  return `${u.hostname}:${u.port || (u.protocol === 'smtps:' ? 465 : 587)}`;
};

function describeSmtpError(error: unknown, url: string): string {
  const e = error as { responseCode?: number; response?: string; message?: string; code?: string };
  if (typeof e.responseCode === 'number')
    return renderMessage('MailRefused', { response: (e.response ?? String(e.responseCode)).trim() }).message;
  return renderMessage('MailUnreachable', { host: smtpHost(url), reason: e.message ?? String(error) }).message;
}

async function writeEml(dir: string, doc: OutboxDoc, at: Date): Promise<string> {
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  const file = path.join(dir, `${stamp}-${doc.kind}-${doc.id}.eml`);
  await mkdir(dir, { recursive: true });
  // Written whole or not at all: a reader of the folder never sees half a message.
  const partial = `${file}.${process.pid}.part`;
  await writeFile(partial, doc.raw, 'utf8');
  await rename(partial, file);
  return file;
}

async function deliver(doc: OutboxDoc, s: Settings, at: Date): Promise<Delivery> {
  if (!s.SMTP_URL) {
    const dir = outboxRoot(s, process.cwd());
    try {
      return { ok: true, file: await writeEml(dir, doc, at) };
    } catch (error) {
      return {
        ok: false,
        error: renderMessage('MailFileFailed', { path: dir, reason: (error as Error).message }).message,
      };
    }
  }
  try {
    const envelope = doc.envelope as { from: string; to: string[] };
    await smtpTransport(s.SMTP_URL).sendMail({ envelope, raw: doc.raw });
    return { ok: true };
  } catch (error) {
    return { ok: false, error: describeSmtpError(error, s.SMTP_URL) };
  }
}

const leaseTarget = (id: OutboxDoc['id']): LeaseTarget => ({
  collection: MAIL_OUTBOX,
  table: 'mail_outbox',
  match: { field: '_id', column: 'id', value: id },
});

/**
 * Delivers one kept message, unless another runner is delivering it right
 * now (then null). Returns the document as it now stands.
 */
export async function deliverMessage(
  payload: Payload,
  doc: OutboxDoc,
  options: { now?: Date } = {},
): Promise<OutboxDoc | null> {
  const holder = `${hostname()}:${process.pid}:${randomUUID()}`;
  const now = options.now ?? new Date();
  const target = leaseTarget(doc.id);
  const leased = await writeLease(payload, target, {
    holder,
    until: new Date(Date.now() + LEASE_MS),
    when: { free: true, now: new Date() },
  });
  if (!leased) return null;
  try {
    // Read again under the lease: another runner may have delivered it since it was listed.
    const current = await payload.findByID({ collection: MAIL_OUTBOX, id: doc.id, depth: 0, overrideAccess: true });
    if (current.state === 'sent' || current.state === 'written') return current;
    const result = await deliver(current, settings(), now);
    const attempts = (current.attempts ?? 0) + 1;
    const data: Partial<OutboxDoc> = result.ok
      ? {
          state: settings().SMTP_URL ? 'sent' : 'written',
          attempts,
          sentAt: new Date().toISOString(),
          nextAttemptAt: null,
          lastError: null,
          file: result.file ?? null,
        }
      : {
          state: 'retrying',
          attempts,
          lastError: result.error,
          nextAttemptAt: nextAttemptAt(attempts, now).toISOString(),
        };
    if (!result.ok)
      payload.logger.warn(`mail ${current.id} to ${current.to} not delivered (attempt ${attempts}): ${result.error}`);
    return await payload.update({ collection: MAIL_OUTBOX, id: doc.id, data, depth: 0, overrideAccess: true });
  } finally {
    await writeLease(payload, target, { holder: null, until: null, when: { heldBy: holder } }).catch(() => undefined);
  }
}

export type DeliveryRun = { attempted: number; delivered: number; failed: number };

/** Delivers every kept message whose time has come (the `deliverMail` job, `npm run reminders`). */
export async function deliverDueMail(
  payload: Payload,
  options: { now?: Date; limit?: number } = {},
): Promise<DeliveryRun> {
  const now = options.now ?? new Date();
  const { docs } = await payload.find({
    collection: MAIL_OUTBOX,
    where: {
      and: [
        { state: { in: ['queued', 'retrying'] } },
        { or: [{ nextAttemptAt: { less_than_equal: now.toISOString() } }, { nextAttemptAt: { exists: false } }] },
      ],
    },
    sort: 'nextAttemptAt',
    limit: options.limit ?? 100,
    depth: 0,
    overrideAccess: true,
  });
  const run: DeliveryRun = { attempted: 0, delivered: 0, failed: 0 };
  for (const doc of docs) {
    // One message's failure (or a database error on it) must not keep the others waiting.
    const after = await deliverMessage(payload, doc, { now }).catch((error: unknown) => {
      payload.logger.error({ err: error }, `mail ${doc.id}: delivery could not be recorded`);
      return undefined;
    });
    if (after === null) continue;
    run.attempted += 1;
    if (after && (after.state === 'sent' || after.state === 'written')) run.delivered += 1;
    else run.failed += 1;
  }
  return run;
}

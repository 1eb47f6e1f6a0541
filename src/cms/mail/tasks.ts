import type { TaskConfig } from 'payload';

import { withinSendingHours } from '../../domain/reminders';
import { deliverDueMail } from './outbox';
import { reminderPassAt } from './passes';

export const MAIL_QUEUE = 'mail';

/**
 * Delivers what the outbox holds whose time has come: new messages a send
 * could not deliver at once, and retries after a refusal or an unreachable
 * server (src/domain/mail-retry.ts). Every 30 s; a run with nothing due reads one query.
 */
export const deliverMailTask: TaskConfig<'deliverMail'> = {
  slug: 'deliverMail',
  label: 'Gửi thư đang chờ',
  retries: 0,
  schedule: [{ cron: '*/30 * * * * *', queue: MAIL_QUEUE }],
  outputSchema: [
    { name: 'attempted', type: 'number' },
    { name: 'delivered', type: 'number' },
    { name: 'failed', type: 'number' },
  ],
  handler: async ({ req }) => ({ output: await deliverDueMail(req.payload) }),
};

/**
 * The reminder pass (src/cms/mail/passes.ts) every hour, from 07:00 to 21:00
 * Vietnam time: quarter reminders due, the weekly digest, failing builds.
 * Hourly rather than daily so a server that was down at 07:00 catches up the
 * same day; the pass itself sends nothing twice.
 */
export const sendRemindersTask: TaskConfig<'sendReminders'> = {
  slug: 'sendReminders',
  label: 'Gửi thư nhắc và tổng hợp',
  retries: 0,
  schedule: [{ cron: '0 0 * * * *', queue: MAIL_QUEUE }],
  outputSchema: [
    { name: 'sent', type: 'number' },
    { name: 'failures', type: 'json' },
  ],
  handler: async ({ req }) => {
    const now = new Date();
    if (!withinSendingHours(now)) return { output: { sent: 0, failures: [] } };
    const { planned, failures } = await reminderPassAt(req.payload, { now });
    return { output: { sent: planned.length, failures } };
  },
};

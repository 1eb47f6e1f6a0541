import type { ServerProps } from 'payload';

import { outboxRoot } from '../../domain/uploads-location';
import { renderMessage } from '../../messages/catalogue';
import { settings } from '../../settings';
import { MAIL_OUTBOX } from './outbox-collection';

/**
 * Dashboard panel for whoever may read the outbox (platform admins, a
 * school's admins): mails the server could not deliver yet, with the last
 * error, and, without SMTP_URL, that mails are only written to files.
 * Shows nothing when all is well.
 */
export async function MailStatusPanel({ payload, user }: ServerProps) {
  if (!user) return null;
  const stuck = await payload
    .find({
      collection: MAIL_OUTBOX,
      where: { state: { equals: 'retrying' } },
      sort: '-updatedAt',
      limit: 1,
      depth: 0,
      user,
      overrideAccess: false,
    })
    .catch(() => null);
  // Not someone who reads the outbox (an editor): nothing to show.
  if (!stuck) return null;
  const s = settings();
  const list = `${payload.config.routes.admin}/collections/${MAIL_OUTBOX}`;
  const notices = [
    stuck.totalDocs > 0
      ? renderMessage('MailStuck', { count: stuck.totalDocs, error: stuck.docs[0]?.lastError ?? '' })
      : null,
    s.SMTP_URL ? null : renderMessage('MailOutboxOnly', { dir: outboxRoot(s, process.cwd()) }),
  ].filter((n) => n !== null);
  if (notices.length === 0) return null;
  return (
    <section aria-labelledby="mail-heading" style={{ marginBottom: 32 }}>
      <h2 id="mail-heading" style={{ marginBottom: 8 }}>
        Thư hệ thống
      </h2>
      {notices.map((n) => (
        <div key={n.name} role={n.name === 'MailStuck' ? 'alert' : undefined} style={{ marginBottom: 8 }}>
          <p style={{ margin: 0 }}>
            <strong>{n.title}.</strong> {n.message}
          </p>
          {n.hint ? <p style={{ margin: '4px 0 0' }}>{n.hint}</p> : null}
        </div>
      ))}
      <p style={{ margin: 0 }}>
        <a href={list}>Mở hộp thư đi</a>
      </p>
    </section>
  );
}

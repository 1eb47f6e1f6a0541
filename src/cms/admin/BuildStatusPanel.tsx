import type { ServerProps } from 'payload';

import { collectionText } from '../../domain/missing-file';
import { renderMessage } from '../../messages/catalogue';
import { formatVietnamDateTime } from '../../domain/vietnam-time';
import { may, type SchoolId, scopeOf } from '../../domain/school-access';
import type { School, SiteBuild } from '../../payload-types';
import { actorOf } from '../access/actor';
import { RebuildButton } from './RebuildButton';

/** Rebuild this school (or, before its first build, any school the person may rebuild). */
const mayRebuild = (user: Parameters<typeof actorOf>[0] | undefined, school: SchoolId | undefined): boolean => {
  const actor = actorOf(user ?? null);
  if (school !== undefined) return may(actor, 'rebuild', school);
  const scope = scopeOf(actor, 'rebuild');
  return scope.all || scope.schools.length > 0;
};

const when = (iso: unknown) =>
  typeof iso === 'string' && iso ? formatVietnamDateTime(iso, { seconds: true }) : 'chưa có';

const STATE_TEXT: Record<string, string> = {
  idle: 'không có việc',
  pending: 'đang chờ dựng lại',
  running: 'đang dựng lại',
};

type Status = SiteBuild & { school: number | string | School };

/**
 * Dashboard panel: each of the person's schools' public site: its last
 * build, what is pending, and the last failure. Someone who sees every school
 * without being a member of one (a platform admin or district officer) gets
 * the count, and the schools whose last build failed.
 */
export async function BuildStatusPanel({ payload, user }: ServerProps) {
  const actor = actorOf(user ?? null);
  const mine = (actor?.memberships ?? []).map((m) => m.school);
  const { docs } = await payload.find({
    collection: 'site-builds',
    where: mine.length ? { school: { in: mine } } : {},
    depth: 1,
    pagination: false,
    user,
    overrideAccess: false,
  });
  const statuses = docs as Status[];
  const adminRoute = payload.config.routes.admin;
  if (mine.length === 0 && statuses.length > 1) {
    const failing = statuses.filter(failedLast);
    return (
      <section aria-labelledby="build-heading" style={{ marginBottom: 32 }}>
        <h2 id="build-heading" style={{ marginBottom: 8 }}>
          Trang chuyên mục công khai
        </h2>
        <p style={{ margin: '0 0 8px' }}>
          {statuses.length} trường; lần dựng gần nhất thất bại: <strong>{failing.length}</strong>.
        </p>
        {failing.length ? (
          <ul>
            {failing.map((status) => (
              <li key={status.id}>
                <a href={`${adminRoute}/collections/site-builds/${status.id}`}>{schoolName(status)}</a>: lúc{' '}
                {when(status.lastFailureAt)} — {status.lastFailureReason}
              </li>
            ))}
          </ul>
        ) : null}
      </section>
    );
  }
  return (
    <>
      {statuses.length === 0 ? <SchoolBuild user={user} adminRoute={adminRoute} /> : null}
      {statuses.map((status) => (
        <SchoolBuild key={status.id} status={status} user={user} adminRoute={adminRoute} titled={statuses.length > 1} />
      ))}
    </>
  );
}

const schoolName = (status: Status) => (typeof status.school === 'object' ? status.school.name : String(status.school));
const schoolSlug = (status: Status) => (typeof status.school === 'object' ? status.school.slug : undefined);

const failedLast = (status: Partial<SiteBuild>) =>
  Boolean(status.lastFailureAt && (!status.lastSuccessAt || status.lastFailureAt > status.lastSuccessAt));

/** One school's site: never built yet (no status) reads as such. */
function SchoolBuild({
  status,
  user,
  adminRoute,
  titled = false,
}: {
  status?: Status;
  user: ServerProps['user'];
  adminRoute: string;
  titled?: boolean;
}) {
  const id = `build-heading-${status?.id ?? 'none'}`;
  const school = status ? (typeof status.school === 'object' ? status.school.id : status.school) : undefined;
  return (
    <section aria-labelledby={id} style={{ marginBottom: 32 }}>
      <h2 id={id} style={{ marginBottom: 8 }}>
        Trang chuyên mục công khai{titled && status ? ` — ${schoolName(status)}` : ''}
      </h2>
      <p style={{ margin: '0 0 8px' }}>
        Dựng thành công gần nhất: <strong>{when(status?.lastSuccessAt)}</strong>
        {status?.lastDurationMs ? ` (${Math.round(status.lastDurationMs / 1000)} giây)` : ''}. Hiện tại:{' '}
        <strong>{STATE_TEXT[status?.state ?? 'idle']}</strong>
        {status?.lastReason ? ` — ${status.lastReason}` : ''}.
      </p>
      {status && failedLast(status) ? (
        <div
          role="alert"
          style={{
            border: '1px solid #b91c1c',
            background: '#fee2e2',
            color: '#7f1d1d',
            padding: '12px 16px',
            borderRadius: 4,
          }}
        >
          <strong>Lần dựng lúc {when(status.lastFailureAt)} thất bại; trang cũ vẫn đang hiển thị.</strong>
          <p style={{ margin: '4px 0' }}>{status.lastFailureReason}</p>
          {status.lastFailureLog ? (
            <details>
              <summary>Trích nhật ký</summary>
              <pre style={{ whiteSpace: 'pre-wrap', fontSize: 12 }}>{status.lastFailureLog}</pre>
            </details>
          ) : null}
        </div>
      ) : null}
      <MissingFiles files={status?.missingFiles ?? []} adminRoute={adminRoute} />
      {mayRebuild(user, school) ? <RebuildButton school={status ? schoolSlug(status) : undefined} /> : null}
    </section>
  );
}

type MissingRow = {
  itemCollection?: string | null;
  itemId?: string | null;
  title?: string | null;
  upload?: string | null;
  filename?: string | null;
  status?: string | null;
};

/** The files the last successful build went without: which item, which file, and what to do. */
function MissingFiles({ files, adminRoute }: { files: MissingRow[]; adminRoute: string }) {
  if (files.length === 0) return null;
  return (
    <div
      role="alert"
      data-missing-files={files.length}
      style={{
        border: '1px solid #b45309',
        background: '#fef3c7',
        color: '#78350f',
        padding: '12px 16px',
        borderRadius: 4,
        marginBottom: 8,
      }}
    >
      <strong>{renderMessage('FilesMissingOnDashboard', { count: files.length }).message}</strong>
      <ul style={{ margin: '4px 0' }}>
        {files.map((f, i) => (
          <li key={i}>
            {collectionText(f.itemCollection ?? '')}{' '}
            {f.itemCollection && f.itemId ? (
              <a href={`${adminRoute}/collections/${f.itemCollection}/${encodeURIComponent(f.itemId)}`}>“{f.title}”</a>
            ) : (
              `“${f.title}”`
            )}
            : tệp <code>{f.filename}</code> ({f.upload === 'media' ? 'ảnh' : 'tệp tài liệu'}, CMS trả lời {f.status})
          </li>
        ))}
      </ul>
      <p style={{ margin: '4px 0 0' }}>{renderMessage('FilesMissingOnDashboard', { count: files.length }).hint}</p>
    </div>
  );
}

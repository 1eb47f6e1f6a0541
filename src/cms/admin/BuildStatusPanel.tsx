import type { ServerProps } from 'payload';

import { collectionText } from '../../domain/missing-file';
import { renderMessage } from '../../messages/catalogue';
import { formatVietnamDateTime } from '../../domain/vietnam-time';
import { scopeOf } from '../../domain/school-access';
import { actorOf } from '../access/actor';
import { RebuildButton } from './RebuildButton';

const mayRebuild = (user: Parameters<typeof actorOf>[0] | undefined): boolean => {
  const scope = scopeOf(actorOf(user ?? null), 'rebuild');
  return scope.all || scope.schools.length > 0;
};

const when = (iso: unknown) =>
  typeof iso === 'string' && iso ? formatVietnamDateTime(iso, { seconds: true }) : 'chưa có';

const STATE_TEXT: Record<string, string> = {
  idle: 'không có việc',
  pending: 'đang chờ dựng lại',
  running: 'đang dựng lại',
};

/** Dashboard panel: the public site's last build, what is pending, and the last failure. */
export async function BuildStatusPanel({ payload, user }: ServerProps) {
  const status = await payload.findGlobal({ slug: 'site-build-status', depth: 0 });
  const failedLast = Boolean(
    status.lastFailureAt && (!status.lastSuccessAt || status.lastFailureAt > status.lastSuccessAt),
  );
  return (
    <section aria-labelledby="build-heading" style={{ marginBottom: 32 }}>
      <h2 id="build-heading" style={{ marginBottom: 8 }}>
        Trang chuyên mục công khai
      </h2>
      <p style={{ margin: '0 0 8px' }}>
        Dựng thành công gần nhất: <strong>{when(status.lastSuccessAt)}</strong>
        {status.lastDurationMs ? ` (${Math.round(status.lastDurationMs / 1000)} giây)` : ''}. Hiện tại:{' '}
        <strong>{STATE_TEXT[status.state ?? 'idle']}</strong>
        {status.lastReason ? ` — ${status.lastReason}` : ''}.
      </p>
      {failedLast ? (
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
      <MissingFiles files={status.missingFiles ?? []} adminRoute={payload.config.routes.admin} />
      {mayRebuild(user) ? <RebuildButton /> : null}
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

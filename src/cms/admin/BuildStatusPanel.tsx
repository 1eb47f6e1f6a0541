import type { ServerProps } from 'payload';

import { formatVietnamDateTime } from '../../domain/vietnam-time';
import { hasRole } from '../access/roles';
import { RebuildButton } from './RebuildButton';

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
      {hasRole(user ?? null, 'admin', 'editor') ? <RebuildButton /> : null}
    </section>
  );
}

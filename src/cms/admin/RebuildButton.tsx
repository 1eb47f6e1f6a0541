'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';

import { renderMessage } from '../../messages/catalogue';

/** "Dựng lại ngay": asks the server for a rebuild of one school's site (editors and admins). */
export function RebuildButton({ school }: { school?: string }) {
  const router = useRouter();
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const rebuild = async () => {
    setBusy(true);
    try {
      const query = school ? `?school=${encodeURIComponent(school)}` : '';
      const response = await fetch(`/api/site-builds/rebuild${query}`, {
        method: 'POST',
        credentials: 'include',
      });
      const body = (await response.json().catch(() => ({}))) as { message?: string };
      setMessage(
        body.message ??
          (response.ok
            ? renderMessage('RebuildQueued').text
            : renderMessage('RebuildRequestFailed', { status: response.status }).text),
      );
      router.refresh();
    } catch {
      setMessage(renderMessage('RebuildRequestUnsent').text);
    } finally {
      setBusy(false);
    }
  };
  return (
    <p>
      <button type="button" className="btn btn--style-secondary btn--size-small" onClick={rebuild} disabled={busy}>
        {busy ? 'Đang gửi…' : 'Dựng lại trang ngay'}
      </button>{' '}
      <span role="status">{message}</span>
    </p>
  );
}

/**
 * The browser origins the CMS trusts with its session cookie (Payload's CSRF
 * allowlist) and answers cross-origin (CORS): the CMS's own public address,
 * plus any listed in CMS_ALLOWED_ORIGINS. Without a configured address (the
 * local `npm start`), its own port on localhost and 127.0.0.1.
 */
import { ColumnError } from '../messages/column-error';

/** From the settings (src/settings.ts): PAYLOAD_PUBLIC_SERVER_URL, CMS_ALLOWED_ORIGINS and PORT. */
export type OriginEnv = { PAYLOAD_PUBLIC_SERVER_URL?: string; CMS_ALLOWED_ORIGINS?: string; PORT?: number | string };

export function allowedOrigins(env: OriginEnv): string[] {
  const listed = (env.CMS_ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  const own = env.PAYLOAD_PUBLIC_SERVER_URL?.trim()
    ? [env.PAYLOAD_PUBLIC_SERVER_URL.trim()]
    : [`http://localhost:${env.PORT || 3000}`, `http://127.0.0.1:${env.PORT || 3000}`];
  const origins = [...own, ...listed].map((value) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new ColumnError('OriginInvalid', { value });
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ColumnError('OriginNotHttp', { value });
    return url.origin;
  });
  return [...new Set(origins)];
}

/**
 * The browser origins the CMS trusts with its session cookie (Payload's CSRF
 * allowlist) and answers cross-origin (CORS): the CMS's own public address,
 * plus any listed in CMS_ALLOWED_ORIGINS. Without a configured address (the
 * local `npm start`), its own port on localhost and 127.0.0.1.
 */
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
      throw new Error(
        `Địa chỉ "${value}" trong PAYLOAD_PUBLIC_SERVER_URL / CMS_ALLOWED_ORIGINS không hợp lệ (ví dụ https://truong.edu.vn).\n` +
          `"${value}" in PAYLOAD_PUBLIC_SERVER_URL / CMS_ALLOWED_ORIGINS is not a URL (e.g. https://truong.edu.vn).`,
      );
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new Error(`Chỉ chấp nhận http/https: "${value}". Only http(s) origins: "${value}".`);
    return url.origin;
  });
  return [...new Set(origins)];
}

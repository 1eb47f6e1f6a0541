/**
 * When the server may start with a given PAYLOAD_SECRET. Pure.
 */

export const MIN_SECRET_LENGTH = 32;

/**
 * Secrets that are public (printed in the README or used as the development
 * default): anyone can forge sessions with them, so production refuses them.
 */
export const PUBLIC_SECRETS: readonly string[] = [
  'dev-only-secret-not-for-production-0123456789',
  'replace-me-with-a-long-random-secret-string',
];

export const DEVELOPMENT_SECRET = PUBLIC_SECRETS[0]!;

export type SecretVerdict = { ok: true; secret: string } | { ok: false; message: string };

export function resolveSecret(env: { NODE_ENV?: string; PAYLOAD_SECRET?: string }): SecretVerdict {
  const secret = env.PAYLOAD_SECRET?.trim() ?? '';
  if (env.NODE_ENV !== 'production') {
    return { ok: true, secret: secret || DEVELOPMENT_SECRET };
  }
  const how =
    'Tạo một chuỗi ngẫu nhiên (ví dụ: `openssl rand -hex 32`) và đặt vào biến môi trường PAYLOAD_SECRET. ' +
    'Generate one with `openssl rand -hex 32` and set PAYLOAD_SECRET.';
  if (!secret) {
    return {
      ok: false,
      message: `Thiếu PAYLOAD_SECRET ở chế độ production (PAYLOAD_SECRET is missing in production). ${how}`,
    };
  }
  if (PUBLIC_SECRETS.includes(secret)) {
    return {
      ok: false,
      message: `PAYLOAD_SECRET đang là giá trị mẫu công khai trong README, không an toàn (PAYLOAD_SECRET is a public example value). ${how}`,
    };
  }
  if (secret.length < MIN_SECRET_LENGTH) {
    return {
      ok: false,
      message:
        `PAYLOAD_SECRET quá ngắn: ${secret.length} ký tự, cần ít nhất ${MIN_SECRET_LENGTH} ` +
        `(PAYLOAD_SECRET is ${secret.length} characters, needs at least ${MIN_SECRET_LENGTH}). ${how}`,
    };
  }
  return { ok: true, secret };
}

/**
 * When the server may start with a given PAYLOAD_SECRET. Pure.
 */
import { ColumnError } from '../messages/column-error';

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

type SecretProblem = 'SecretMissing' | 'SecretPublicExample' | 'SecretTooShort';

/** Refused: the catalogue message saying why and how to make one (`error.format()` for a terminal). */
export type SecretVerdict = { ok: true; secret: string } | { ok: false; error: ColumnError<SecretProblem> };

export function resolveSecret(env: { NODE_ENV?: string; PAYLOAD_SECRET?: string }): SecretVerdict {
  const secret = env.PAYLOAD_SECRET?.trim() ?? '';
  if (env.NODE_ENV !== 'production') {
    return { ok: true, secret: secret || DEVELOPMENT_SECRET };
  }
  if (!secret) return { ok: false, error: new ColumnError('SecretMissing') };
  if (PUBLIC_SECRETS.includes(secret)) return { ok: false, error: new ColumnError('SecretPublicExample') };
  if (secret.length < MIN_SECRET_LENGTH) {
    return {
      ok: false,
      error: new ColumnError('SecretTooShort', { length: secret.length, min: MIN_SECRET_LENGTH }),
    };
  }
  return { ok: true, secret };
}

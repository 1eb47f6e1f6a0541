/**
 * A login for an e-mail that has no account must cost what a wrong password
 * for a real account costs, or the answer's timing tells which e-mails exist
 * (about 6 ms against 86 ms, measured). Payload hashes the password only when
 * it finds the account, so for an unknown one the same hash is computed here,
 * against a throw-away salt, with the parameters of Payload's current password
 * hashes (`pbkdf2-sha256-v1`: PBKDF2-SHA256, 600,000 rounds, 32 bytes; see
 * payload/dist/auth/strategies/local/generatePasswordSaltHash.js). A test
 * checks that both paths call PBKDF2 with the same parameters.
 */
import crypto from 'node:crypto';

import type { AuthCollectionSlug, PayloadRequest } from 'payload';

export const PAYLOAD_HASH = { iterations: 600_000, keyLength: 32, digest: 'sha256' } as const;

const dummySalt = crypto.randomBytes(32).toString('hex');

function hashAgainstNothing(password: string): Promise<void> {
  return new Promise((resolve) => {
    crypto.pbkdf2(password, dummySalt, PAYLOAD_HASH.iterations, PAYLOAD_HASH.keyLength, PAYLOAD_HASH.digest, () =>
      resolve(),
    );
  });
}

/** Before Payload's login: when no account has this e-mail, spend the hash Payload would have spent. */
export async function spendHashForUnknownAccount(
  req: PayloadRequest,
  collection: AuthCollectionSlug,
  data: Record<string, unknown> | undefined,
): Promise<void> {
  const email = typeof data?.email === 'string' ? data.email.toLowerCase().trim() : '';
  const password = typeof data?.password === 'string' ? data.password : '';
  if (!email || !password.trim()) return; // Payload answers "required" at once, for everybody alike
  const user = await req.payload.db.findOne({ collection, req, where: { email: { equals: email } } });
  if (!user) await hashAgainstNothing(password);
}

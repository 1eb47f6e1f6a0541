/**
 * The link in a reminder mail that turns reminder mails off for its
 * recipient without logging in (RFC 2369 List-Unsubscribe, RFC 8058
 * one-click). The token is an HMAC of the account's id under the server's
 * secret: it names one account, cannot be guessed for another, and needs no
 * storage. It only ever turns mails off, so a leaked link costs nothing more.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

const PURPOSE = 'unsubscribe-reminders:v1';

export function unsubscribeToken(secret: string, account: string | number): string {
  return createHmac('sha256', secret)
    .update(`${PURPOSE}:${String(account)}`)
    .digest('base64url');
}

export function verifyUnsubscribeToken(secret: string, account: string | number, token: string): boolean {
  const expected = Buffer.from(unsubscribeToken(secret, account));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The link for `account` on the CMS at `cmsUrl` (no trailing slash). */
export function unsubscribeUrl(cmsUrl: string, secret: string, account: string | number): string {
  const url = new URL(`${cmsUrl}/api/users/unsubscribe`);
  url.searchParams.set('u', String(account));
  url.searchParams.set('t', unsubscribeToken(secret, account));
  return url.toString();
}

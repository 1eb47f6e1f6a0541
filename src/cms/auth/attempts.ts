/**
 * The login limit, counted inside Payload's own auth operations (a
 * `beforeOperation` hook), so every way in counts: any spelling of the REST
 * path (`/api/users/LOGIN`, `/api/users/%6Cogin`), each alias of a GraphQL
 * mutation, the admin's form. One attempt, one count; per client address
 * (src/domain/client-address.ts), LOGIN_RATE_LIMIT per 10 minutes.
 */
import { APIError, type PayloadRequest } from 'payload';

import { CLIENT_ADDRESS_HEADER, rateLimitKey } from '../../domain/client-address';
import { RateLimiter } from '../../domain/rate-limit';
import { renderMessage } from '../../messages/catalogue';
import { settings } from '../../settings';

const WINDOW_MS = 10 * 60 * 1000;
const limiter = new RateLimiter(settings().LOGIN_RATE_LIMIT, WINDOW_MS);

/** Context flag: this attempt was counted already (the forgot-password endpoint counts before it answers). */
export const ATTEMPT_COUNTED = 'authAttemptCounted';

/** Requests that did not come through scripts/cms-server.ts share one key: the limit then holds for all of them together. */
const UNIDENTIFIED = 'unidentified';
let warned = false;

export function countAuthAttempt(req: PayloadRequest): void {
  // Server code (seed, scripts, tests' Local API) is not a visitor.
  if (req.payloadAPI === 'local' || req.context[ATTEMPT_COUNTED] === true) return;
  const address = req.headers.get(CLIENT_ADDRESS_HEADER);
  if (!address && !warned) {
    warned = true;
    req.payload.logger.warn(
      `Login limit: requests arrive without ${CLIENT_ADDRESS_HEADER} (not through scripts/cms-server.ts, e.g. \`next dev\`), so all clients share one limit.`,
    );
  }
  const decision = limiter.hit(rateLimitKey(address || UNIDENTIFIED));
  if (!decision.allowed) {
    const minutes = Math.ceil(decision.retryAfterSeconds / 60);
    // Payload adds `req.responseHeaders` to its error answer.
    req.responseHeaders = new Headers(req.responseHeaders);
    req.responseHeaders.set('Retry-After', String(decision.retryAfterSeconds));
    // With `data`, Payload shows the message as it is (without, a production build says "An unknown error occurred.").
    throw new APIError(
      renderMessage('TooManyLogins', { minutes }).text,
      429,
      { retryAfterSeconds: decision.retryAfterSeconds },
      true,
    );
  }
  // Not remembered on `req`: the aliases of one GraphQL request share it, and each must count.
}

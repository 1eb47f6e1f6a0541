import { type NextRequest, NextResponse } from 'next/server';

import { RateLimiter } from './domain/rate-limit';

/**
 * Runs before every admin and API request:
 * 1. Login and password-reset requests are rate-limited per client address
 *    (LOGIN_RATE_LIMIT per 10 minutes, default 20), on top of Payload's
 *    per-account lockout (5 wrong passwords), so one address cannot try
 *    password after password across many accounts.
 * 2. Vietnamese is the admin's default language whatever the browser asks for
 *    (Payload otherwise follows Accept-Language, and many browsers here send
 *    English). Payload reads the `payload-lng` cookie first, so it is set when
 *    absent; choosing English in the account settings replaces it.
 */
const LANGUAGE_COOKIE = 'payload-lng';
const LOGIN_WINDOW_MS = 10 * 60 * 1000;
const loginLimiter = new RateLimiter(Number(process.env.LOGIN_RATE_LIMIT) || 20, LOGIN_WINDOW_MS);
const RATE_LIMITED = /^\/api\/users\/(login|forgot-password)\/?$/;

/** Next appends the address that connected to it; behind a reverse proxy, TRUST_PROXY=true uses the client's. */
function clientAddress(request: NextRequest): string {
  const chain = (request.headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  return (process.env.TRUST_PROXY === 'true' ? chain[0] : chain.at(-1)) ?? 'unknown';
}

export function proxy(request: NextRequest) {
  if (request.method === 'POST' && RATE_LIMITED.test(request.nextUrl.pathname)) {
    const decision = loginLimiter.hit(clientAddress(request));
    if (!decision.allowed) {
      const minutes = Math.ceil(decision.retryAfterSeconds / 60);
      return NextResponse.json(
        { errors: [{ message: `Quá nhiều lần đăng nhập từ máy này. Hãy thử lại sau ${minutes} phút.` }] },
        { status: 429, headers: { 'Retry-After': String(decision.retryAfterSeconds) } },
      );
    }
  }
  if (request.cookies.has(LANGUAGE_COOKIE)) return NextResponse.next();
  request.cookies.set(LANGUAGE_COOKIE, 'vi');
  const response = NextResponse.next({ request: { headers: request.headers } });
  response.cookies.set(LANGUAGE_COOKIE, 'vi', { path: '/', sameSite: 'lax', maxAge: 60 * 60 * 24 * 365 });
  return response;
}

export const config = { matcher: ['/admin/:path*', '/api/:path*'] };

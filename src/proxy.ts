import { type NextRequest, NextResponse } from 'next/server';

/**
 * Runs before every admin and API request: Vietnamese is the admin's default
 * language whatever the browser asks for (Payload otherwise follows
 * Accept-Language, and many browsers here send English). Payload reads the
 * `payload-lng` cookie first, so it is set when absent; choosing English in
 * the account settings replaces it.
 *
 * The login limit is not here: it counts inside Payload's auth operations
 * (src/cms/auth/), so that no spelling of the path and no GraphQL alias passes by it.
 */
const LANGUAGE_COOKIE = 'payload-lng';

export function proxy(request: NextRequest) {
  if (request.cookies.has(LANGUAGE_COOKIE)) return NextResponse.next();
  request.cookies.set(LANGUAGE_COOKIE, 'vi');
  const response = NextResponse.next({ request: { headers: request.headers } });
  response.cookies.set(LANGUAGE_COOKIE, 'vi', { path: '/', sameSite: 'lax', maxAge: 60 * 60 * 24 * 365 });
  return response;
}

export const config = { matcher: ['/admin/:path*', '/api/:path*'] };

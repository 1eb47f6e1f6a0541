import { VERSION_PARAM } from '../../domain/file-version';

/**
 * Anonymous GETs of an uploaded file under a versioned address
 * (src/domain/file-version.ts) may be kept for a year: the site build's image
 * cache relies on it. Only anonymous requests: a signed-in editor may read files
 * readers cannot, and those answers must never sit in a shared cache.
 */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
const FILE_PATH = /\/api\/(media|documents)\/file\/[^/]+$/;
/** Payload's session cookie (`payload-token`); other cookies (the admin's language) say nothing of who asks. */
const SESSION_COOKIE = /(?:^|;\s*)payload-token=/;

type Handler = (request: Request, context: never) => Promise<Response>;

export function cacheVersionedFiles<H extends Handler>(handler: H): H {
  return (async (request: Request, context: never) => {
    const response = await handler(request, context);
    const url = new URL(request.url);
    const anonymous =
      !request.headers.has('authorization') && !SESSION_COOKIE.test(request.headers.get('cookie') ?? '');
    if (response.status === 200 && anonymous && url.searchParams.has(VERSION_PARAM) && FILE_PATH.test(url.pathname)) {
      // A copy: a Response's headers may be immutable.
      const headers = new Headers(response.headers);
      headers.set('Cache-Control', IMMUTABLE);
      return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
    }
    return response;
  }) as H;
}

/**
 * A request's path as the site server may use it: decoded once, segment by
 * segment, and refused when it could only be an attack or a mistake (bad
 * percent-encoding, an encoded `/` or `\`, `.` or `..` segments, control
 * characters). What goes back to the client (a redirect's Location) is
 * always re-encoded from the segments, never the decoded text itself: a
 * decoded character above U+00FF or a CR/LF in a header ends a Node process.
 */
export type RequestPath = { ok: true; segments: string[]; trailingSlash: boolean; search: string } | { ok: false };

const FORBIDDEN_IN_SEGMENT = /[\u0000-\u001f\u007f/\\]/;

export function parseRequestPath(rawUrl: string | undefined): RequestPath {
  const raw = rawUrl ?? '/';
  if (!raw.startsWith('/')) return { ok: false };
  const queryAt = raw.search(/[?#]/);
  const rawPath = queryAt < 0 ? raw : raw.slice(0, queryAt);
  const rawQuery = queryAt < 0 ? '' : raw.slice(queryAt).split('#', 1)[0]!;
  const parts = rawPath.split('/').slice(1);
  const trailingSlash = parts.at(-1) === '';
  const segments: string[] = [];
  for (const [index, part] of parts.entries()) {
    if (part === '' && index === parts.length - 1) break;
    let segment: string;
    try {
      segment = decodeURIComponent(part);
    } catch {
      return { ok: false };
    }
    if (segment === '' || segment === '.' || segment === '..' || FORBIDDEN_IN_SEGMENT.test(segment))
      return { ok: false };
    segments.push(segment);
  }
  // The query goes back into a Location header: only printable ASCII.
  const search = /^[\x21-\x7e]*$/.test(rawQuery) && rawQuery !== '?' ? rawQuery : '';
  return { ok: true, segments, trailingSlash, search };
}

/** `/a/b/` from segments, each percent-encoded: safe in any header. */
export function encodePath(segments: string[], trailingSlash: boolean): string {
  const joined = segments.map(encodeURIComponent).join('/');
  return `/${joined}${trailingSlash && joined ? '/' : ''}`;
}

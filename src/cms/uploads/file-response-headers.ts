/**
 * Headers on every uploaded file Payload serves (/api/media/file/…,
 * /api/documents/file/…). Payload names the type from the file's bytes, but a
 * polyglot (a valid JPEG or PDF that is also HTML or a ZIP) must never be
 * read as a page: no sniffing, no script, no plugins, and office files are
 * downloaded rather than opened in the CMS's origin.
 */
export const UPLOADED_FILE_CSP =
  "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; script-src 'none'; object-src 'none'; frame-ancestors 'self'";

const SHOWN_INLINE = /^(image\/(jpeg|png|webp|avif|gif)|application\/pdf)$/;

export function fileResponseHeaders({ headers }: { headers: Headers }): Headers {
  headers.set('X-Content-Type-Options', 'nosniff');
  headers.set('Content-Security-Policy', UPLOADED_FILE_CSP);
  headers.set('Cross-Origin-Resource-Policy', 'same-site');
  const type = headers.get('Content-Type') ?? '';
  if (type && !SHOWN_INLINE.test(type) && !headers.has('Content-Disposition'))
    headers.set('Content-Disposition', 'attachment');
  return headers;
}

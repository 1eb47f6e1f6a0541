import type { Endpoint, PayloadRequest } from 'payload';

import { verifyUnsubscribeToken } from '../../domain/unsubscribe';
import { type RenderedMessage, renderMessage } from '../../messages/catalogue';

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function page(m: RenderedMessage, status: number, form?: string): Response {
  const body = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(m.title)}</title>
<style>body{font-family:Arial,Helvetica,sans-serif;font-size:1.1875rem;line-height:1.5;max-width:38rem;margin:2rem auto;padding:0 1rem;color:#0b0c0c}button{font:inherit;padding:.5rem 1rem;background:#00703c;color:#fff;border:0;box-shadow:0 2px 0 #002d18}button:focus{outline:3px solid #fd0}</style>
</head><body><main>
<h1>${escapeHtml(m.title)}</h1>
<p>${escapeHtml(m.message)}</p>
${m.hint ? `<p>${escapeHtml(m.hint)}</p>` : ''}
${form ?? ''}
</main></body></html>
`;
  return new Response(body, {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
  });
}

async function account(req: PayloadRequest) {
  const url = new URL(req.url ?? '', 'http://localhost');
  const id = url.searchParams.get('u') ?? '';
  const token = url.searchParams.get('t') ?? '';
  if (!id || !token || !verifyUnsubscribeToken(req.payload.secret, id, token)) return null;
  const user = await req.payload.findByID({
    collection: 'users',
    id,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
  });
  return user ? { user, id, token } : null;
}

/**
 * The link in every reminder mail (List-Unsubscribe). GET shows a button
 * (mail scanners open links; they must not turn mails off); POST turns them
 * off, which is also RFC 8058's one-click request from the mail app.
 */
export const unsubscribeEndpoints: Endpoint[] = [
  {
    path: '/unsubscribe',
    method: 'get',
    handler: async (req) => {
      const found = await account(req);
      if (!found) return page(renderMessage('UnsubscribeInvalid'), 400);
      const action = `?u=${encodeURIComponent(found.id)}&t=${encodeURIComponent(found.token)}`;
      return page(
        renderMessage('UnsubscribeConfirm', { email: found.user.email }),
        200,
        `<form method="post" action="${escapeHtml(action)}"><button type="submit">Tắt thư nhắc</button></form>`,
      );
    },
  },
  {
    path: '/unsubscribe',
    method: 'post',
    handler: async (req) => {
      const found = await account(req);
      if (!found) return page(renderMessage('UnsubscribeInvalid'), 400);
      await req.payload.update({
        collection: 'users',
        id: found.user.id,
        data: { remindersOff: true },
        depth: 0,
        overrideAccess: true,
      });
      return page(renderMessage('UnsubscribeDone', { email: found.user.email }), 200);
    },
  },
];

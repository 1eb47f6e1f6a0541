/**
 * The teaching-resource files, copied from the CMS into the built site at
 * build time (same origin, still there if the CMS is down later).
 */
import type { APIRoute, GetStaticPaths } from 'astro';

import { payloadUrl } from '../../../../site-loader/astro-loader';
import { CmsUnreachableError } from '../../../../site-loader/errors';
import { siteContent } from '../../../lib/content';
import { pageKey } from '../../../lib/page-keys';

// Keyed (../../../lib/page-keys.ts): a document's file changes only with the document (its updatedAt).
export const getStaticPaths = (async () => {
  const { resources } = await siteContent();
  const files = new Map(resources.flatMap((r) => r.files).map((f) => [f.filename, f]));
  return Promise.all(
    [...files.values()].map(async (file) => ({
      params: { file: file.filename },
      props: { file },
      cacheKey: await pageKey({ file }),
    })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { file } = props as { file: { filename: string; mimeType: string; filesize: number } };
  const url = `${payloadUrl().replace(/\/+$/, '')}/api/documents/file/${encodeURIComponent(file.filename)}`;
  const response = await fetch(url, { signal: AbortSignal.timeout(30_000) }).catch((e: Error) => {
    throw new CmsUnreachableError('FileDownloadFailed', { filename: file.filename, reason: e.message });
  });
  if (!response.ok)
    throw new CmsUnreachableError('FileHttpStatus', { filename: file.filename, status: response.status });
  return new Response(await response.arrayBuffer(), { headers: { 'content-type': file.mimeType } });
};

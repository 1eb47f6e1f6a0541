/**
 * robots.txt for the column: everything readable except the draft preview,
 * and where the sitemap is. The static server answers /robots.txt with it
 * when it serves the whole origin (npm start); on a school portal, add these
 * lines to the portal's own /robots.txt.
 */
import type { APIRoute } from 'astro';

import { href } from '../lib/urls';

export const GET: APIRoute = ({ site }) =>
  new Response(
    [
      'User-agent: *',
      `Disallow: ${href('xem-truoc/')}`,
      `Sitemap: ${new URL(href('sitemap-index.xml'), site).href}`,
      '',
    ].join('\n'),
    { headers: { 'content-type': 'text/plain; charset=utf-8' } },
  );

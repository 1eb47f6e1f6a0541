/**
 * Writes the site's security headers for hosts other than the bundled server:
 * `_headers` beside the pages (Netlify, Cloudflare Pages) and an nginx
 * snippet beside the build (dist/nginx-security-headers.conf), both from
 * src/domain/security-headers.ts, which the bundled server also sends.
 */
import { writeFile } from 'node:fs/promises';

import type { AstroIntegration } from 'astro';

import { headersFile, nginxSnippet } from '../../domain/security-headers';

export function securityHeaders(): AstroIntegration {
  let base = '/';
  return {
    name: 'security-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': async ({ dir }) => {
        await writeFile(new URL('_headers', dir), headersFile(base));
        await writeFile(new URL('../nginx-security-headers.conf', dir), nginxSnippet(base));
      },
    },
  };
}

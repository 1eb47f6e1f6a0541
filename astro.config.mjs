// The public column (Astro + MDX). Astro's sources live in src/site so that
// Next.js (which owns src/app) never mistakes them for its own routes.
import mdx from '@astrojs/mdx';
import node from '@astrojs/node';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';

import { buildFailureReport } from './src/site/integrations/build-failure-report.ts';
import { coverageCheck } from './src/site/integrations/coverage-check.ts';
import { pagefindIntegration } from './src/site/integrations/pagefind.ts';
import { precompress } from './src/site/integrations/precompress.ts';
import { securityHeaders } from './src/site/integrations/security-headers.ts';
import { settings } from './src/settings.ts';
import { siteCacheDir } from './scripts/lib/site-dist.ts';

const { SITE_BASE: base, SITE_URL: site, PAYLOAD_URL, SITE_SCHOOL, SITE_SEARCH_SHARD_PAGES } = settings();
const cms = new URL(PAYLOAD_URL);
const compression = precompress();

export default defineConfig({
  srcDir: './src/site',
  // scripts/build-site.ts builds into a staging folder (`astro build --outDir …`)
  // and swaps it in, so a failed build never touches the previous dist/.
  outDir: './dist',
  publicDir: './public',
  // One cache per school (scripts/build-site.ts names the school).
  cacheDir: `./${siteCacheDir(SITE_SCHOOL)}`,
  base,
  /** Public origin of the portal (canonical URLs, sitemap, RSS, Open Graph). */
  site,
  trailingSlash: 'always',
  // No inline style or script anywhere, so the CSP can forbid them (src/domain/security-headers.ts).
  // concurrency: pages generated four at a time. A page copied from the incremental cache is mostly
  // waiting on the disk, and one at a time 13,000 of them took 30 s (10,000 articles); rendering overlaps
  // its file writes too. The output does not depend on it (tests/site/incremental-build.test.ts).
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  vite: { build: { assetsInlineLimit: 0 } },
  // Every page is static (dist/client/) except the draft preview, which is
  // rendered on request by the Node server in dist/server/ (see scripts/serve-site.ts).
  adapter: node({ mode: 'standalone' }),
  // Compression starts once the pages are written and runs beside Pagefind; it finishes last, with what
  // the others wrote (Pagefind's files included).
  integrations: [
    buildFailureReport(),
    mdx(),
    sitemap({ filter: (page) => !page.includes('/tim-kiem/') && !page.includes('/tai-lieu/loc/') }),
    compression.start,
    pagefindIntegration({ pagesPerShard: SITE_SEARCH_SHARD_PAGES }),
    coverageCheck(),
    securityHeaders(),
    compression.finish,
  ],
  image: {
    // Images come from the CMS and are turned into AVIF/WebP at build time.
    remotePatterns: [
      { protocol: cms.protocol.replace(':', ''), hostname: cms.hostname, ...(cms.port ? { port: cms.port } : {}) },
    ],
  },
  devToolbar: { enabled: false },
  // Pages whose getStaticPaths() gives a cacheKey are copied from the last build when it is unchanged
  // (src/site/lib/page-keys.ts says which pages may have one). scripts/build-site.ts drops the
  // cache's manifest after a failed build, so a half-finished one is never trusted.
  experimental: { incrementalBuild: true },
});

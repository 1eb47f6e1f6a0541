// The public column (Astro + MDX) is built by the site issue; this file
// reserves its place and its layout: Astro's sources live in src/site so that
// Next.js (which owns src/app) never mistakes them for its own routes.
export default {
  srcDir: './src/site',
  outDir: './dist',
  base: process.env.SITE_BASE ?? '/binh-dang-gioi/',
};

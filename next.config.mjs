import { withPayload } from '@payloadcms/next/withPayload';

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The public column is the static Astro site; Next serves only Payload's admin and API.
  poweredByHeader: false,
  images: { unoptimized: true },
  // Next type-checks only what it compiles; `npm test` runs tsc over everything (tests, scripts, bench).
  typescript: { tsconfigPath: 'tsconfig.next.json' },
};

export default withPayload(nextConfig, { devBundleServerPackages: false });

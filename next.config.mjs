import { withPayload } from '@payloadcms/next/withPayload';

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The public column is the static Astro site; Next serves only Payload's admin and API.
  poweredByHeader: false,
  images: { unoptimized: true },
};

export default withPayload(nextConfig, { devBundleServerPackages: false });

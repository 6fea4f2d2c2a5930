import path from 'path';
import { loadEnvConfig } from '@next/env';
import type { NextConfig } from 'next';

// One .env for the CMS and the site: the repository root's (site-only values may also go in
// site/.env.local, which wins).
loadEnvConfig(path.resolve(__dirname, '..'), process.env.NODE_ENV !== 'production');

const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The site is a package of its own beside the CMS (own lockfile): trace files from here.
  outputFileTracingRoot: __dirname,
  images: { unoptimized: true },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
        ],
      },
    ];
  },
};

export default config;

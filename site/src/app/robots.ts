import type { MetadataRoute } from 'next';
import { config } from '@/lib/config';

export const dynamic = 'force-dynamic';

export default function robots(): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: '*', allow: '/', disallow: ['/api/', '/en/search', '/km/search'] }],
    sitemap: `${config.siteUrl}/sitemap.xml`,
  };
}

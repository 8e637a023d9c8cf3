import type { AstroIntegration } from 'astro';
import { LOCAL_SITE_URL, type Settings } from '../settings.ts';

/**
 * A production build without SITE_URL writes localhost into every absolute URL the site publishes; this says so
 * once, loudly, at the start of the build, naming what would be wrong and how to fix it. The dev server and
 * local previews need no SITE_URL.
 */
export function siteUrlCheck(settings: Pick<Settings, 'SITE_URL'>): AstroIntegration {
  return {
    name: 'site-url-check',
    hooks: {
      'astro:build:start': ({ logger }) => {
        if (settings.SITE_URL) return;
        logger.warn(
          [
            `SITE_URL is not set, so this build points at ${LOCAL_SITE_URL} in:`,
            '  every page: <link rel="canonical">, og:url and og:image;',
            '  sitemap-index.xml and sitemap-0.xml;',
            '  robots.txt (its Sitemap line).',
            'Set SITE_URL to the public address before you deploy, e.g. SITE_URL=https://docs.example.com npm run build.',
          ].join('\n'),
        );
      },
    },
  };
}

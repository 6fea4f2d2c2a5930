import crypto from 'crypto';
import fs from 'fs';
import path from 'path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openSession, recordFailure, screenshot, type Session } from './browser';
import { appDir, e2eDir, startServer, type Server } from './server';
import { freePort, siteDir, startSite } from './site-server';

/**
 * The reference site (site/) on the real CMS, in Chromium: every page type in both languages
 * (with axe-core), the PUPR Phase II page, the country menu, fallback, language switch, search,
 * 404, preview from the admin panel, publish-to-page within 5 s, drafts never public, and pages
 * kept when the CMS goes down.
 */
const ADMIN = { firstname: 'Sophea', lastname: 'Editor', email: 'site-editor@example.org', password: 'Editor-Pass-2026' };
const PUPR = 'phnom-penh-pupr-phase-2-slum-upgrading';
const WAIT = { timeout: 60000 };
const axeSource = fs.readFileSync(path.join(siteDir, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

let cms: Server;
let site: Server;
let browser: Browser;
let reader: Session;
let editor: Session;
let adminToken: string;
const secrets = { preview: crypto.randomBytes(16).toString('hex'), revalidate: crypto.randomBytes(16).toString('hex') };

type Shorthand = string | { heading: string } | { list: string[] } | { paragraph: Array<string | { text: string }> };
/** The seed file's rich text as the paragraphs (and list items) a reader sees. */
const paragraphsOf = (blocks: Shorthand[]): string[] =>
  blocks.flatMap((block) => {
    if (typeof block === 'string') return [block];
    if ('heading' in block) return [block.heading];
    if ('list' in block) return block.list;
    return [block.paragraph.map((part) => (typeof part === 'string' ? part : part.text)).join('')];
  });
const seed = <T>(name: string): T => JSON.parse(fs.readFileSync(path.join(appDir, 'database', 'seeds', `${name}.json`), 'utf8')) as T;

const api = async (method: string, url: string, body?: unknown) => {
  const res = await fetch(`${cms.url}${url}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json().catch(() => null)) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
};
const documentIdOf = async (plural: string, slug: string): Promise<string> => {
  const res = await fetch(`${cms.url}/api/${plural}?locale=en&filters[slug][$eq]=${slug}&fields[0]=slug`);
  return ((await res.json()) as { data: Array<{ documentId: string }> }).data[0].documentId;
};
const h1 = async (url: string, cookie?: string): Promise<string> => {
  const html = await (await fetch(url, { headers: cookie ? { cookie } : {} })).text();
  return /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1].replace(/<[^>]+>/g, '') ?? '';
};

/** axe-core on the page as it is: no serious or critical WCAG 2.1 A/AA violation. */
const expectAccessible = async (page: Page): Promise<void> => {
  await page.addScriptTag({ content: axeSource });
  // A string: the tests are type-checked without the DOM library.
  const violations = (await page.evaluate(`(async () => {
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', '));
  })()`)) as string[];
  expect({ url: page.url(), violations }).toEqual({ url: page.url(), violations: [] });
};

beforeAll(async () => {
  const port = await freePort();
  const siteUrl = `http://127.0.0.1:${port}`;
  cms = await startServer({
    dir: path.join(e2eDir, 'site'),
    env: { SITE_URL: siteUrl, PREVIEW_SECRET: secrets.preview, SITE_REVALIDATE_SECRET: secrets.revalidate },
  });
  const registered = await fetch(`${cms.url}/admin/register-admin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  adminToken = ((await registered.json()) as { data: { token: string } }).data.token;
  const token = await api('POST', '/admin/api-tokens', { name: 'Site preview', type: 'read-only', lifespan: null, description: 'Drafts for the site preview' });
  expect(token.status).toBe(201);
  site = await startSite(port, {
    STRAPI_URL: cms.url,
    SITE_URL: siteUrl,
    STRAPI_PREVIEW_TOKEN: token.body.data.accessKey,
    PREVIEW_SECRET: secrets.preview,
    SITE_REVALIDATE_SECRET: secrets.revalidate,
  });
  browser = await launchBrowser();
  reader = await openSession(browser, 'reader');
  editor = await openSession(browser, 'site-editor');
}, 240000);

afterAll(async () => {
  await browser?.close();
  await site?.stop();
  await cms?.stop();
});

/** One page of each type, by its path after the language. */
const PAGE_TYPES: Array<[string, string]> = [
  ['home', ''],
  ['projects', '/projects'],
  ['projects by status', '/projects/status/completed'],
  ['project', `/projects/${PUPR}`],
  ['countries', '/countries'],
  ['country', '/countries/cambodia'],
  ['programmes', '/programmes'],
  ['programme', '/programmes/water-for-asian-cities'],
  ['themes', '/themes'],
  ['theme', '/themes/slum-upgrading'],
  ['voices', '/voices'],
  ['voice', '/voices/organized-ger-community-takes-charge-of-their-development'],
  ['photo galleries', '/photo-galleries'],
  ['photo gallery', '/photo-galleries/beyond-conflict-chapter-2-community-mobilization-and-community-action-planning'],
  ['publications', '/publications'],
  ['publication', '/publications/fiji-national-urban-profile'],
  ['speeches', '/speeches'],
  ['speech', '/speeches/opening-statement-third-apmchud-solo'],
  ['vacancies', '/vacancies'],
  ['vacancy', '/vacancies/project-officer-housing-recovery'],
  ['page', '/about'],
  ['search', `/search?q=housing`],
];

describe('the site in English and Khmer', () => {
  for (const locale of ['en', 'km'] as const) {
    it(
      `renders every page type in ${locale}, in that language, without serious accessibility violations`,
      recordFailure(() => reader, `page-types-${locale}`, async () => {
        const { page } = reader;
        for (const [, pagePath] of PAGE_TYPES) {
          const response = await page.goto(`${site.url}/${locale}${pagePath}`);
          expect({ pagePath, status: response?.status() }).toEqual({ pagePath, status: 200 });
          expect(await page.getAttribute('html', 'lang')).toBe(locale);
          expect((await page.locator('h1').innerText()).trim()).not.toBe('');
          // The Khmer font comes with the site, not from a font host.
          if (locale === 'km') {
            const fonts = (await page.evaluate(`performance.getEntriesByType('resource').map((entry) => entry.name).filter((name) => /\\.(woff2?|ttf|otf)(\\?|$)/.test(name))`)) as string[];
            expect(fonts.filter((font) => font.includes('noto-sans-khmer')).length).toBeGreaterThan(0);
            expect(fonts.filter((font) => !font.startsWith(site.url))).toEqual([]);
          }
          await expectAccessible(page);
        }
      })
    );
  }

  it(
    'shows every paragraph of the PUPR Phase II page, its facts and the figures 160, 350 and 31,000',
    recordFailure(() => reader, 'pupr', async () => {
      const { page } = reader;
      const project = seed<Array<{ slug: string; en: Record<string, Shorthand[]>; km: Record<string, Shorthand[]> }>>('projects').find((p) => p.slug === PUPR)!;
      for (const locale of ['en', 'km'] as const) {
        await page.goto(`${site.url}/${locale}/projects/${PUPR}`);
        const text = await page.locator('article').innerText();
        const paragraphs = ['background', 'objectives', 'results'].flatMap((field) => paragraphsOf(project[locale][field] ?? []));
        expect(paragraphs.length).toBeGreaterThanOrEqual(10);
        for (const paragraph of paragraphs) expect(text).toContain(paragraph);
        await screenshot(page, `site-project-${locale}`, `site-project-${locale}`);
      }
      await page.goto(`${site.url}/en/projects/${PUPR}`);
      const figures = await page.getByTestId('key-figures').innerText();
      for (const figure of ['160', '350', '31,000']) expect(figures).toContain(figure);
      const facts = await page.locator('dl.facts').innerText();
      for (const fact of ['Completed', 'Phnom Penh', 'since 2004', 'Cambodia', '$1,114,975', 'Slum Upgrading']) expect(facts).toContain(fact);
      const partners = await page.locator('section', { has: page.locator('#partners') }).innerText();
      expect(partners).toContain('Municipality of Phnom Penh');
      expect(partners).toContain('United Nations Trust Fund for Human Security');
      // Khmer digits on the Khmer page (see site/README.md, "Numbers and dates").
      await page.goto(`${site.url}/km/projects/${PUPR}`);
      expect(await page.getByTestId('key-figures').innerText()).toContain('៣១.០០០');
    })
  );

  it(
    'lists the 29 countries of the menu in menu order, in both languages',
    recordFailure(() => reader, 'country-menu', async () => {
      const { page } = reader;
      const countries = seed<Array<{ menuOrder: number; en: { name: string }; km: { name: string } }>>('countries').sort((a, b) => a.menuOrder - b.menuOrder);
      expect(countries).toHaveLength(29);
      for (const locale of ['en', 'km'] as const) {
        await page.goto(`${site.url}/${locale}/projects`);
        const menu = page.getByTestId('country-menu');
        expect((await menu.locator('li').allTextContents()).map((name) => name.trim())).toEqual(countries.map((country) => country[locale].name));
        // Keyboard: the country menu opens from the keyboard and its links take the focus.
        await page.locator('details.countries summary').focus();
        await page.keyboard.press('Enter');
        await page.keyboard.press('Tab');
        expect(await page.evaluate(`document.activeElement?.closest('[data-testid=country-menu]') !== null`)).toBe(true);
      }
    })
  );

  it(
    'shows an untranslated document on a Khmer page in English, with a notice in Khmer and the right signals to search engines',
    recordFailure(() => reader, 'fallback', async () => {
      const { page } = reader;
      const slug = 'technical-support-to-post-conflict-housing-development';
      await page.goto(`${site.url}/km/projects/${slug}`);
      const notice = page.getByTestId('fallback-notice');
      expect(await notice.innerText()).toContain('ភាសាខ្មែរ');
      expect(await page.getAttribute('html', 'lang')).toBe('km');
      expect(await page.getAttribute('h1', 'lang')).toBe('en');
      expect(await page.getAttribute('link[rel=canonical]', 'href')).toBe(`${site.url}/en/projects/${slug}`);
      expect(await page.locator('link[rel=alternate][hreflang=km], link[rel=alternate][hrefLang=km]').count()).toBe(0);
      // A translated document names both versions and is its own canonical.
      await page.goto(`${site.url}/km/projects/${PUPR}`);
      expect(await page.getByTestId('fallback-notice').count()).toBe(0);
      expect(await page.getAttribute('link[rel=canonical]', 'href')).toBe(`${site.url}/km/projects/${PUPR}`);
      expect(await page.locator('link[rel=alternate][hreflang=en]').count()).toBe(1);
      expect(await page.locator('link[rel=alternate][hreflang=km]').count()).toBe(1);
    })
  );

  it(
    'switches language on the same document, and answers a missing one with a 404 in the reader\'s language',
    recordFailure(() => reader, 'switch-and-404', async () => {
      const { page } = reader;
      await page.goto(`${site.url}/en/projects/${PUPR}`);
      await page.locator('a.lang-switch').click();
      await page.waitForURL(`${site.url}/km/projects/${PUPR}`);
      expect(await page.getAttribute('html', 'lang')).toBe('km');
      const missing = await page.goto(`${site.url}/km/projects/no-such-project`);
      expect(missing?.status()).toBe(404);
      await page.getByTestId('not-found').waitFor(WAIT);
      expect(await page.getByTestId('not-found').innerText()).toContain('រកមិនឃើញទំព័រ');
    })
  );

  it(
    'finds documents through the search box, in Khmer and in English',
    recordFailure(() => reader, 'search', async () => {
      const { page } = reader;
      for (const [locale, query] of [
        ['en', 'slum upgrading'],
        ['km', 'ភ្នំពេញ'],
      ] as const) {
        await page.goto(`${site.url}/${locale}`);
        await page.locator('#site-search').fill(query);
        await page.locator('#site-search').press('Enter');
        await page.waitForURL(/\/search\?q=/);
        const results = page.getByTestId('search-results');
        await results.waitFor(WAIT);
        expect(await results.locator(`a[href="/${locale}/projects/${PUPR}"]`).count()).toBe(1);
        expect(await results.locator('mark').count()).toBeGreaterThan(0);
      }
    })
  );

  it(
    'has a sitemap with both languages and robots rules',
    recordFailure(() => reader, 'sitemap', async () => {
      const sitemap = await (await fetch(`${site.url}/sitemap.xml`)).text();
      expect(sitemap).toContain(`<loc>${site.url}/en/projects/${PUPR}</loc>`);
      expect(sitemap).toContain(`<loc>${site.url}/km/projects/${PUPR}</loc>`);
      // An untranslated document only under its English address.
      expect(sitemap).toContain(`<loc>${site.url}/en/projects/technical-support-to-post-conflict-housing-development</loc>`);
      expect(sitemap).not.toContain(`<loc>${site.url}/km/projects/technical-support-to-post-conflict-housing-development</loc>`);
      const robots = await (await fetch(`${site.url}/robots.txt`)).text();
      expect(robots).toContain(`Sitemap: ${site.url}/sitemap.xml`);
    })
  );
});

describe('editors: preview and publishing', () => {
  let documentId: string;
  const publicUrl = () => `${site.url}/en/projects/${PUPR}`;
  const DRAFT_TITLE = 'Phnom Penh PUPR Phase II (draft under review)';

  it(
    'opens the draft in the admin panel\'s preview, while the public page keeps the published version',
    recordFailure(() => editor, 'preview', async () => {
      documentId = await documentIdOf('projects', PUPR);
      const published = await h1(publicUrl());
      expect(published).toContain('Partnership for Urban Poverty Reduction');

      const { page } = editor;
      await page.goto(`${cms.url}/admin/auth/login`);
      await page.getByLabel('Email').fill(ADMIN.email, WAIT);
      await page.locator('input[name=password]').fill(ADMIN.password);
      await page.getByRole('button', { name: 'Login' }).click();
      await page.getByText(`Hello ${ADMIN.firstname}`).waitFor(WAIT);

      await page.goto(`${cms.url}/admin/content-manager/collection-types/api::project.project/${documentId}?plugins[i18n][locale]=en`);
      await page.getByRole('textbox', { name: 'title' }).fill(DRAFT_TITLE, WAIT);
      const saved = page.waitForResponse((r) => r.url().includes(`/${documentId}`) && r.request().method() === 'PUT', WAIT);
      await page.getByRole('button', { name: 'Save' }).click();
      expect((await saved).status()).toBe(200);

      await page.getByRole('link', { name: /Open preview/ }).click(WAIT);
      const frame = page.frameLocator('iframe');
      await frame.locator('h1', { hasText: DRAFT_TITLE }).waitFor(WAIT);
      await screenshot(page, 'site-preview', 'site-preview');

      // The public address never shows the draft: not as is, not with ?status=draft, not with a wrong secret.
      expect(await h1(publicUrl())).toBe(published);
      expect(await h1(`${publicUrl()}?status=draft`)).toBe(published);
      const wrong = await fetch(`${site.url}/api/preview?secret=wrong&type=project&slug=${PUPR}&locale=en`, { redirect: 'manual' });
      expect(wrong.status).toBe(401);
      expect(wrong.headers.get('set-cookie')).toBeNull();
      expect(await (await fetch(`${cms.url}/api/projects?status=draft&filters[slug][$eq]=${PUPR}`)).status).toBe(403);
    })
  );

  it(
    'previews a Khmer draft for the translator, in Khmer',
    recordFailure(() => editor, 'preview-km', async () => {
      const KM_TITLE = 'ភ្នំពេញ PUPR ដំណាក់កាលទី២ (សេចក្តីព្រាង)';
      const saved = await api('PUT', `/content-manager/collection-types/api::project.project/${documentId}?locale=km`, { title: KM_TITLE });
      expect(saved.status).toBe(200);
      const link = await api('GET', `/content-manager/preview/url/api::project.project?documentId=${documentId}&locale=km&status=draft`);
      expect(link.status).toBe(200);
      const { page } = editor;
      await page.goto(link.body.data.url as string);
      expect(page.url()).toBe(`${site.url}/km/projects/${PUPR}`);
      expect(await page.locator('h1').innerText()).toBe(KM_TITLE);
      expect(await page.getAttribute('html', 'lang')).toBe('km');
      expect(await h1(`${site.url}/km/projects/${PUPR}`)).not.toBe(KM_TITLE);
    })
  );

  it(
    'shows a published change on the public page within 5 seconds, and leaves other pages cached',
    recordFailure(() => editor, 'publish', async () => {
      const other = `${site.url}/en/projects/phnom-penh-urban-poverty-reduction-project`;
      await fetch(other);
      expect((await fetch(other)).headers.get('x-nextjs-cache')).toBe('HIT');

      const { page } = editor;
      await page.goto(`${cms.url}/admin/content-manager/collection-types/api::project.project/${documentId}?plugins[i18n][locale]=en`);
      const publishing = page.waitForResponse((r) => r.url().includes('/actions/publish') && r.request().method() === 'POST', WAIT);
      await page.getByRole('button', { name: 'Publish' }).click(WAIT);
      expect((await publishing).status()).toBe(200);
      const publishedAt = Date.now();
      let title = '';
      while (Date.now() - publishedAt < 5000) {
        title = await h1(publicUrl());
        if (title === DRAFT_TITLE) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(title).toBe(DRAFT_TITLE);
      expect((await fetch(other)).headers.get('x-nextjs-cache')).toBe('HIT');
    })
  );

  it(
    'never shows a never-published document publicly, only in preview',
    recordFailure(() => editor, 'draft-only', async () => {
      const created = await api('POST', '/content-manager/collection-types/api::page.page?locale=en', { title: 'Embargoed Announcement', slug: 'embargoed-announcement', body: [] });
      expect(created.status).toBe(201);
      expect((await fetch(`${site.url}/en/embargoed-announcement`)).status).toBe(404);
      const link = await api('GET', `/content-manager/preview/url/api::page.page?documentId=${created.body.data.documentId}&locale=en&status=draft`);
      const { page } = editor;
      await page.goto(link.body.data.url as string);
      expect(await page.locator('h1').innerText()).toBe('Embargoed Announcement');
      await page.goto(`${site.url}/api/preview/exit`);
      expect((await page.goto(`${site.url}/en/embargoed-announcement`))?.status()).toBe(404);
    })
  );
});

describe('when the CMS is down', () => {
  it(
    'keeps serving the pages already rendered, and says the rest is temporarily unavailable',
    recordFailure(() => reader, 'cms-down', async () => {
      const rendered = `${site.url}/en/projects/${PUPR}`;
      const before = await h1(rendered);
      expect(before).not.toBe('');
      await cms.stop();
      const cached = await fetch(rendered);
      expect(cached.status).toBe(200);
      expect(await h1(rendered)).toBe(before);
      const { page } = reader;
      const response = await page.goto(`${site.url}/km/voices/fiji-launching-of-fijis-rapid-urban-sector-profiling-june-2010`);
      expect(response?.status()).toBe(503);
      expect(await page.getByTestId('unavailable').innerText()).toContain('មិនអាចប្រើបានបណ្តោះអាសន្ន');
    })
  );
});

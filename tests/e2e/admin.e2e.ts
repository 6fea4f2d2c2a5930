import fs from 'fs';
import path from 'path';
import type { Browser } from 'playwright-core';
import { launchBrowser, openSession, recordFailure, screenshot, type Session } from './browser';
import { appDir, startServer, type Server } from './server';

const EDITOR = { firstname: 'Sophea', lastname: 'Editor', email: 'editor@example.org', password: 'Editor-Pass-2026' };
const TITLE = 'Resilient Riverside Homes in Battambang';
const COVER = path.join(appDir, 'database', 'seeds', 'media', 'projects', 'cambodia-flood-recovery-houses.jpg');
const WAIT = { timeout: 60000 };
const TRANSLATOR = { firstname: 'Dara', lastname: 'Translator', email: 'translator@example.org', password: 'Translator-Pass-2026' };
// A zero-width space (U+200B) marks a word boundary in Khmer, which has no spaces between words.
const KM_TITLE = 'ផ្ទះ\u200Bធន់នឹង\u200Bទឹកជំនន់ នៅ\u200Bបាត់ដំបង';
const KM_SUMMARY = 'ផ្ទះ\u200Bខ្ពស់\u200Bជាង\u200Bកម្រិត\u200Bទឹកជំនន់ សាងសង់\u200Bជាមួយ\u200Bគ្រួសារ។';
// Consonants with stacked subscripts (ស្ត្រី written both ways, and a double stack).
const STACKS = 'ស្ត្រី ស្រ្តី ក្ស្ម';
const XLIFF_TITLE = 'Community Water Points in Kampong Chhnang';
const KM_XLIFF_TITLE = 'ចំណុច\u200Bទឹក\u200Bសហគមន៍ នៅ\u200Bកំពង់ឆ្នាំង';
const NEW_TITLE = 'Resilient Riverside Homes in Battambang Province';
const PROJECTS = '/content-manager/collection-types/api::project.project';

let server: Server;
let browser: Browser;
let editor: Session;
let translator: Session;

type Answer = { status: number; body: any }; // eslint-disable-line @typescript-eslint/no-explicit-any
/** The admin API as a signed-in administrator (or anonymous, without a token). */
const adminApi = async (token: string | null, method: string, url: string, body?: unknown): Promise<Answer> => {
  const res = await fetch(`${server.url}${url}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json().catch(() => null) };
};
const logIn = async (who: { email: string; password: string }): Promise<string> => {
  const answer = await adminApi(null, 'POST', '/admin/login', { email: who.email, password: who.password });
  expect(answer.status).toBe(200);
  return answer.body.data.token as string;
};
const projectDocumentId = async (title = TITLE): Promise<string> => {
  const res = await fetch(`${server.url}/api/projects?locale=en&filters[title][$eq]=${encodeURIComponent(title)}&fields[0]=title`);
  const [project] = ((await res.json()) as { data: Array<{ documentId: string }> }).data;
  return project.documentId;
};

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  editor = await openSession(browser, 'editor');
  translator = await openSession(browser, 'translator');
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('editors in the admin panel', () => {
  it(
    'registers the first administrator on a fresh database',
    recordFailure(() => editor, 'first-admin', async () => {
      const { page } = editor;
      await page.goto(`${server.url}/admin`);
      await page.getByLabel('First name').fill(EDITOR.firstname);
      await page.getByLabel('Last name').fill(EDITOR.lastname);
      await page.getByLabel('Email').fill(EDITOR.email);
      await page.locator('input[name=password]').fill(EDITOR.password);
      await page.locator('input[name=confirmPassword]').fill(EDITOR.password);
      await page.getByRole('button', { name: "Let's start" }).click();
      await page.getByText(`Hello ${EDITOR.firstname}`).waitFor(WAIT);
      await screenshot(page, 'home');
    })
  );

  it(
    'creates and publishes a project with status, country, key figure, rich text and cover, which REST then serves',
    recordFailure(() => editor, 'create-project', async () => {
      const { page } = editor;
      await page.goto(`${server.url}/admin/content-manager/collection-types/api::project.project/create?plugins[i18n][locale]=en`);
      await page.getByRole('textbox', { name: 'title' }).fill(TITLE, WAIT);
      await page.getByRole('combobox', { name: 'Status' }).click();
      await page.getByRole('option', { name: 'planned' }).click();
      await page.getByRole('combobox', { name: 'countries' }).click();
      await page.getByRole('combobox', { name: 'countries' }).fill('Camb');
      await page.getByRole('option', { name: /Cambodia/ }).first().click();

      await page.getByRole('button', { name: 'No entry yet. Click to add one.' }).first().click();
      await page.getByRole('textbox', { name: 'value' }).fill('1200');
      await page.getByRole('textbox', { name: 'label' }).fill('families in safer homes');
      await page.getByRole('combobox', { name: 'qualifier' }).click();
      await page.getByRole('option', { name: 'more-than' }).click();

      // Rich text: a paragraph, a bulleted list (typed as "- "), and a link.
      await page.getByRole('textbox').filter({ has: page.getByRole('paragraph') }).first().click();
      await page.keyboard.type('Homes raised above flood level, built with the families who live in them.');
      await page.keyboard.press('Enter');
      await page.keyboard.type('- raised floors');
      await page.keyboard.press('Enter');
      await page.keyboard.type('rainwater tanks');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter');
      await page.keyboard.type('Read ');
      await page.getByRole('button', { name: 'Link' }).first().click();
      await page.getByRole('textbox', { name: 'Text' }).fill('the report');
      await page.getByRole('textbox', { name: 'Link' }).fill('https://unhabitat.org/asia-pacific');
      await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();

      await page.getByRole('button', { name: 'Click to add an asset or drag and drop one in this area' }).click();
      await page.getByRole('button', { name: 'Add more assets' }).click();
      const [chooser] = await Promise.all([
        page.waitForEvent('filechooser'),
        page.getByRole('button', { name: 'Drag & Drop here or' }).click(),
      ]);
      await chooser.setFiles(COVER);
      await page.getByRole('button', { name: /Upload 1 asset/ }).click();
      await page.getByRole('button', { name: 'Finish' }).click(WAIT);
      await screenshot(page, 'project-edit-en');

      const published = page.waitForResponse((r) => r.url().includes('/actions/publish') && r.request().method() === 'POST', WAIT);
      await page.getByRole('button', { name: 'Publish' }).click();
      expect((await published).status()).toBe(200);

      const res = await fetch(
        `${server.url}/api/projects?locale=en&filters[title][$eq]=${encodeURIComponent(TITLE)}&populate[countries][fields][0]=slug&populate[keyFigures]=true&populate[cover][fields][0]=name`
      );
      const [project] = ((await res.json()) as { data: Array<{ background: unknown }> }).data;
      expect(project).toMatchObject({
        title: TITLE,
        projectStatus: 'planned',
        countries: [{ slug: 'cambodia' }],
        keyFigures: [expect.objectContaining({ value: 1200, label: 'families in safer homes', qualifier: 'more-than' })],
        cover: { name: 'cambodia-flood-recovery-houses.jpg' },
      });
      const blocks = JSON.stringify(project.background);
      expect(blocks).toContain('"format":"unordered"');
      expect(blocks).toContain('https://unhabitat.org/asia-pacific');
    })
  );

  it(
    'lists projects with useful columns',
    recordFailure(() => editor, 'project-list', async () => {
      const { page } = editor;
      await page.goto(`${server.url}/admin/content-manager/collection-types/api::project.project?plugins[i18n][locale]=en`);
      await page.getByRole('gridcell', { name: TITLE }).first().waitFor(WAIT);
      await screenshot(page, 'project-list', 'project-list');
    })
  );
});

describe('a translator in the admin panel', () => {
  let documentId: string;
  let editorToken: string;
  let translatorToken: string;

  it(
    'is invited with the "Translator (Khmer)" role and signs in',
    recordFailure(() => translator, 'translator-sign-in', async () => {
      documentId = await projectDocumentId();
      editorToken = await logIn(EDITOR);
      const roles = await adminApi(editorToken, 'GET', '/admin/roles');
      const role = (roles.body.data as Array<{ id: number; name: string }>).find((r) => r.name === 'Translator (Khmer)');
      expect(role).toBeDefined();
      const invited = await adminApi(editorToken, 'POST', '/admin/users', {
        firstname: TRANSLATOR.firstname,
        lastname: TRANSLATOR.lastname,
        email: TRANSLATOR.email,
        roles: [role!.id],
      });
      expect(invited.status).toBe(201);
      const registered = await adminApi(null, 'POST', '/admin/register', {
        registrationToken: invited.body.data.registrationToken,
        userInfo: { firstname: TRANSLATOR.firstname, lastname: TRANSLATOR.lastname, password: TRANSLATOR.password },
      });
      expect(registered.status).toBe(200);

      const { page } = translator;
      await page.goto(`${server.url}/admin/auth/login`);
      await page.getByLabel('Email').fill(TRANSLATOR.email, WAIT);
      await page.locator('input[name=password]').fill(TRANSLATOR.password);
      await page.getByRole('button', { name: 'Login' }).click();
      await page.getByText(`Hello ${TRANSLATOR.firstname}`).waitFor(WAIT);
      translatorToken = await logIn(TRANSLATOR);
    })
  );

  it(
    'cannot delete the project nor edit its English version',
    recordFailure(() => translator, 'translator-limits', async () => {
      const deleted = await adminApi(translatorToken, 'DELETE', `${PROJECTS}/${documentId}?locale=km`);
      expect(deleted.status).toBe(403);
      const english = await adminApi(translatorToken, 'PUT', `${PROJECTS}/${documentId}?locale=en`, { title: 'Changed by a translator' });
      expect(english.status).toBe(403);
      const unchanged = await fetch(`${server.url}/api/projects?locale=en&filters[documentId][$eq]=${documentId}&fields[0]=title`);
      expect(((await unchanged.json()) as { data: Array<{ title: string }> }).data[0].title).toBe(TITLE);

      const { page } = translator;
      await page.goto(`${server.url}/admin${PROJECTS}/${documentId}?plugins[i18n][locale]=en`);
      const title = page.getByRole('textbox', { name: 'title' });
      await title.waitFor(WAIT);
      expect(await title.isEditable()).toBe(false);
    })
  );

  it(
    'finds the project missing, types its Khmer version in the edit view (with zero-width spaces), saves and publishes it; REST serves it',
    recordFailure(() => translator, 'translate-in-edit-view', async () => {
      const { page } = translator;
      await page.goto(`${server.url}/admin/plugins/translations`);
      const row = page.getByRole('row').filter({ has: page.locator(`a[href*="${documentId}"]`) });
      await row.getByText('missing').waitFor(WAIT);

      // From the English version, switch to Khmer with the locale picker, as a translator would.
      await page.goto(`${server.url}/admin${PROJECTS}/${documentId}?plugins[i18n][locale]=en`);
      await page.getByRole('textbox', { name: 'title' }).waitFor(WAIT);
      await page.getByRole('combobox', { name: 'Locales' }).click();
      await page.getByRole('option', { name: /km/ }).click();
      await page.waitForURL(/plugins\[i18n\]\[locale\]=km/, WAIT);

      // The title typed key by key, as a Khmer keyboard sends it (U+200B included); the summary as
      // an input method commits a phrase (one input event, and quicker).
      const title = page.getByRole('textbox', { name: 'title' });
      await title.click();
      await page.keyboard.type(KM_TITLE);
      await page.getByRole('textbox', { name: 'summary' }).click();
      await page.keyboard.insertText(KM_SUMMARY);
      await expect(title.inputValue()).resolves.toBe(KM_TITLE);

      // Stacked subscripts, the tallest Khmer clusters, in a text input and in the rich text.
      await page.getByRole('textbox', { name: 'location' }).click();
      await page.keyboard.insertText(STACKS);
      const richText = page.getByRole('textbox').filter({ has: page.getByRole('paragraph') }).first();
      await richText.click();
      // Long enough to wrap: line height shows between the lines of a paragraph.
      await page.keyboard.insertText(`${STACKS} ${KM_SUMMARY} ${STACKS} ${KM_SUMMARY} ${KM_SUMMARY} ${STACKS} ${KM_SUMMARY}`);
      await page.keyboard.press('Enter');
      await page.keyboard.insertText(`${STACKS} ${KM_TITLE}`);
      await page.evaluate('document.fonts.ready');
      const measured = (await page.evaluate(`(() => {
        const stacks = ${JSON.stringify(STACKS)};
        const paragraph = [...document.querySelectorAll('[data-slate-editor] p')].find((p) => p.textContent.includes(stacks));
        const input = document.querySelector('input[name=location]');
        // Height of the ink of the stacked clusters, drawn in the element's own font.
        const ink = (element) => {
          const style = getComputedStyle(element);
          const context = document.createElement('canvas').getContext('2d');
          context.font = style.fontWeight + ' ' + style.fontSize + ' ' + style.fontFamily;
          const metrics = context.measureText(stacks);
          return metrics.actualBoundingBoxAscent + metrics.actualBoundingBoxDescent;
        };
        const style = getComputedStyle(paragraph);
        return {
          fontSize: parseFloat(style.fontSize),
          lineHeight: parseFloat(style.lineHeight),
          fontUsed: document.fonts.check(style.fontSize + ' "Noto Sans Khmer"', stacks),
          paragraphInk: ink(paragraph),
          inputHeight: input.clientHeight,
          inputInk: ink(input),
        };
      })()`)) as { fontSize: number; lineHeight: number; fontUsed: boolean; paragraphInk: number; inputHeight: number; inputInk: number };
      expect(measured.fontUsed).toBe(true);
      expect(measured.lineHeight).toBeGreaterThanOrEqual(1.6 * measured.fontSize);
      expect(measured.paragraphInk).toBeLessThanOrEqual(measured.lineHeight);
      expect(measured.inputInk).toBeLessThanOrEqual(measured.inputHeight);
      process.stderr.write(`Khmer in the rich text: ${JSON.stringify(measured)}\n`);
      // The location input and the rich text in one picture, below the panel's top banner.
      await page.evaluate(`(() => {
        const input = document.querySelector('input[name=location]');
        input.scrollIntoView({ block: 'start' });
        let box = input.parentElement;
        while (box && !(box.scrollHeight > box.clientHeight && getComputedStyle(box).overflowY !== 'visible')) box = box.parentElement;
        (box || document.scrollingElement).scrollBy(0, -110);
      })()`);
      await screenshot(page, 'khmer-rich-text', 'khmer-rich-text');
      await page.evaluate('window.scrollTo(0, 0)');

      const saved = page.waitForResponse((r) => r.url().includes(`${PROJECTS}/${documentId}?`) && r.request().method() === 'PUT', WAIT);
      await page.getByRole('button', { name: 'Save' }).click();
      expect((await saved).status()).toBe(200);
      // The project's own status, shared by every locale, shows its English value (read-only here).
      await expect(page.getByRole('combobox', { name: 'Status' }).textContent(WAIT)).resolves.toContain('planned');
      const published = page.waitForResponse((r) => r.url().includes('/actions/publish') && r.request().method() === 'POST', WAIT);
      await page.getByRole('button', { name: 'Publish' }).click();
      expect((await published).status()).toBe(200);
      await screenshot(page, 'project-edit-km', 'project-edit-km');

      const rest = `${server.url}/api/projects?locale=km&filters[documentId][$eq]=${documentId}&fields[0]=title&fields[1]=summary&fields[2]=projectStatus&fields[3]=locale`;
      const { data } = (await (await fetch(rest)).json()) as { data: Array<{ title: string; locale: string }> };
      expect(data).toEqual([expect.objectContaining({ title: KM_TITLE, summary: KM_SUMMARY, projectStatus: 'planned', locale: 'km' })]);
      // Chromium's JSON view has no Khmer font here: it gets the one the admin panel bundles (the
      // API's Content-Security-Policy would refuse the style, hence a page that bypasses it).
      const viewer = await browser.newContext({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
      const json = await viewer.newPage();
      await json.goto(rest);
      const font = fs.readFileSync(require.resolve('@fontsource/noto-sans-khmer/files/noto-sans-khmer-khmer-400-normal.woff2')).toString('base64');
      await json.addStyleTag({
        content: `@font-face { font-family: 'Noto Sans Khmer'; src: url(data:font/woff2;base64,${font}) format('woff2'); unicode-range: U+1780-17FF, U+200B-200C; }
          pre { font-family: monospace, 'Noto Sans Khmer' !important; font-size: 15px; white-space: pre-wrap; }`,
      });
      await json.evaluate('document.fonts.ready');
      await screenshot(json, 'rest-km', 'rest-km');
      await viewer.close();
    })
  );

  it(
    'downloads the XLIFF export from the Translations page and uploads the translation of a project with a country; its Khmer version links to Cambodia in Khmer',
    recordFailure(() => translator, 'xliff', async () => {
      // A second project, made by the editor in the admin panel (so it also links to its author).
      const countries = await fetch(`${server.url}/api/countries?locale=en&filters[slug][$eq]=cambodia&fields[0]=slug`);
      const [cambodia] = ((await countries.json()) as { data: Array<{ documentId: string }> }).data;
      const created = await adminApi(editorToken, 'POST', `${PROJECTS}?locale=en`, {
        title: XLIFF_TITLE,
        projectStatus: 'ongoing',
        countries: { connect: [{ documentId: cambodia.documentId, locale: 'en' }] },
      });
      expect(created.status).toBe(201);
      const xliffDocumentId = created.body.data.documentId as string;
      expect((await adminApi(editorToken, 'POST', `${PROJECTS}/${xliffDocumentId}/actions/publish?locale=en`, {})).status).toBe(200);

      const { page } = translator;
      await page.goto(`${server.url}/admin/plugins/translations`);
      const row = page.getByRole('row').filter({ has: page.locator(`a[href*="${xliffDocumentId}"]`) });
      await row.getByText('missing').waitFor(WAIT);
      const [download] = await Promise.all([page.waitForEvent('download', WAIT), page.getByRole('button', { name: 'Download XLIFF' }).click()]);
      expect(download.suggestedFilename()).toMatch(/\.xlf$/);
      const xliff = fs.readFileSync((await download.path())!, 'utf8');
      expect(xliff).toContain('<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">');
      const file = new RegExp(`<file original="api::project\\.project/${xliffDocumentId}"[\\s\\S]*?</file>`).exec(xliff)?.[0];
      expect(file).toBeDefined();
      expect(file).toContain(`<source>${XLIFF_TITLE}</source>`);

      // What a translation tool gives back: this project's file only, its title translated.
      const translated = file!.replace(
        new RegExp(`(<trans-unit id="${xliffDocumentId}/title" resname="title"[\\s\\S]*?<target state=")[^"]*(">)[^<]*(</target>)`),
        `$1translated$2${KM_XLIFF_TITLE}$3`
      );
      expect(translated).not.toBe(file);
      // Past the limit (16 MB), the page says so and sends nothing.
      const padded = (bytes: number) => xliff.replace(/<file [\s\S]*<\/file>/, translated).replace('</xliff>', `<!-- ${'x'.repeat(bytes)} -->\n</xliff>`);
      await page.locator('input[type=file]').setInputFiles({ name: 'too-big.xlf', mimeType: 'application/xml', buffer: Buffer.from(padded(17 * 1024 * 1024)) });
      await page.getByText('Nothing was imported: the file is larger than the XLIFF limit of 16 MB.').waitFor(WAIT);
      // A 3 MB file (a 1,000-project export is about that): past the 1 MB JSON limit, uploaded as a file.
      const file3mb = Buffer.from(padded(3 * 1024 * 1024));
      expect(file3mb.length).toBeGreaterThan(3 * 1024 * 1024);
      await page.locator('input[type=file]').setInputFiles({ name: 'project-km.xlf', mimeType: 'application/xml', buffer: file3mb });
      await page.getByText('Imported as drafts').waitFor(WAIT);
      await expect(page.getByText(/1 created/).textContent()).resolves.toContain('1 documents');

      await page.goto(`${server.url}/admin${PROJECTS}/${xliffDocumentId}?plugins[i18n][locale]=km`);
      const title = page.getByRole('textbox', { name: 'title' });
      await title.waitFor(WAIT);
      await expect(title.inputValue()).resolves.toBe(KM_XLIFF_TITLE);
      const published = page.waitForResponse((r) => r.url().includes('/actions/publish') && r.request().method() === 'POST', WAIT);
      await page.getByRole('button', { name: 'Publish' }).click();
      expect((await published).status()).toBe(200);
      const rest = await fetch(`${server.url}/api/projects?locale=km&filters[documentId][$eq]=${xliffDocumentId}&fields[0]=title&fields[1]=projectStatus&populate[countries][fields][0]=slug&populate[countries][fields][1]=locale`);
      const { data } = (await rest.json()) as { data: unknown[] };
      expect(data).toEqual([expect.objectContaining({ title: KM_XLIFF_TITLE, projectStatus: 'ongoing', countries: [expect.objectContaining({ slug: 'cambodia', locale: 'km' })] })]);
    })
  );

  it(
    'sees the Khmer version as outdated, naming the title, once the editor changes the English title',
    recordFailure(() => editor, 'outdated', async () => {
      const { page } = editor;
      await page.goto(`${server.url}/admin${PROJECTS}/${documentId}?plugins[i18n][locale]=en`);
      const title = page.getByRole('textbox', { name: 'title' });
      await title.fill(NEW_TITLE, WAIT);
      const published = page.waitForResponse((r) => r.url().includes('/actions/publish') && r.request().method() === 'POST', WAIT);
      await page.getByRole('button', { name: 'Publish' }).click();
      expect((await published).status()).toBe(200);

      const translatorPage = translator.page;
      await translatorPage.goto(`${server.url}/admin/plugins/translations`);
      const row = translatorPage.getByRole('row').filter({ has: translatorPage.locator(`a[href*="${documentId}"]`) });
      await row.getByText('outdated').waitFor(WAIT);
      await row.getByText('title', { exact: true }).waitFor(WAIT);
      await row.scrollIntoViewIfNeeded();
      await screenshot(translatorPage, 'translations', 'translations');
    })
  );


  it(
    'sees the translation coverage, with numbers, on the home page',
    recordFailure(() => editor, 'home-coverage', async () => {
      const { page } = editor;
      const status = await adminApi(editorToken, 'GET', '/translations/status?locale=km&pagination[pageSize]=1');
      expect(status.status).toBe(200);
      const projects = status.body.meta.summary['api::project.project'] as Record<string, number>;
      expect(projects.outdated).toBeGreaterThanOrEqual(1);
      const percent = Math.round((100 * projects['up-to-date']) / projects.total);

      await page.goto(`${server.url}/admin`);
      await page.getByText('Translation coverage').waitFor(WAIT);
      const row = page.locator('div').filter({ has: page.getByText('project', { exact: true }) }).filter({ hasText: '% up to date' }).last();
      await row.waitFor(WAIT);
      await expect(row.textContent()).resolves.toMatch(`${percent}% up to date (${projects.missing} missing, ${projects.outdated} outdated)`);
      await page.getByText('Translation coverage').scrollIntoViewIfNeeded();
      await screenshot(page, 'home-coverage', 'home-coverage');
    })
  );
});

describe("the translator's workspace", () => {
  let documentId: string;
  let editorToken: string;
  let translatorToken: string;
  const panelField = (page: Session['page'], name: string) => page.locator(`[data-testid="source-field-${name}"]`);

  beforeAll(async () => {
    documentId = await projectDocumentId(NEW_TITLE); // the editor changed its title above
    editorToken = await logIn(EDITOR);
    translatorToken = await logIn(TRANSLATOR);
  });

  it(
    'shows the English source of every field beside the Khmer version, rich text rendered, and the change in the title; "still correct" clears it',
    recordFailure(() => translator, 'side-panel', async () => {
      const { page } = translator;
      await page.goto(`${server.url}/admin${PROJECTS}/${documentId}?plugins[i18n][locale]=km`);
      await page.getByTestId('source-panel').waitFor(WAIT);
      await expect(panelField(page, 'title').textContent()).resolves.toContain(NEW_TITLE);
      await expect(panelField(page, 'title').locator('ins').textContent()).resolves.toContain('Province');
      // The rich text as readers see it: a paragraph, a bulleted list, a link; no JSON.
      const background = panelField(page, 'background');
      await expect(background.locator('p').first().textContent()).resolves.toContain('Homes raised above flood level');
      await expect(background.locator('li').allTextContents()).resolves.toEqual(['raised floors', 'rainwater tanks']);
      await expect(background.locator('a').getAttribute('href')).resolves.toBe('https://unhabitat.org/asia-pacific');
      await expect(page.getByTestId('source-panel').textContent()).resolves.not.toContain('"type"');
      await expect(panelField(page, 'keyFigures').textContent()).resolves.toContain('families in safer homes');
      await screenshot(page, 'side-panel', 'side-panel');

      await page.goto(`${server.url}/admin/plugins/translations`);
      const row = page.getByRole('row').filter({ has: page.locator(`a[href*="${documentId}"]`) });
      await row.getByRole('button', { name: 'Still correct' }).click(WAIT);
      // Up to date: no longer in the list of what is missing or outdated.
      await row.waitFor({ state: 'detached', ...WAIT });
      await page.goto(`${server.url}/admin${PROJECTS}/${documentId}?plugins[i18n][locale]=km`);
      await panelField(page, 'title').waitFor(WAIT);
      expect(await panelField(page, 'title').locator('ins, del').count()).toBe(0);
    })
  );

  it(
    'offers a translation made in another document, inserted in one click, and writes it into the XLIFF export as <alt-trans>',
    recordFailure(() => translator, 'memory', async () => {
      // A new English project whose summary is the title translated (by XLIFF) in another project.
      const created = await adminApi(editorToken, 'POST', `${PROJECTS}?locale=en`, { title: 'Water points, phase two', summary: XLIFF_TITLE });
      expect(created.status).toBe(201);
      const newDocumentId = created.body.data.documentId as string;
      const { page } = translator;
      await page.goto(`${server.url}/admin${PROJECTS}/${newDocumentId}?plugins[i18n][locale]=km`);
      const suggestion = panelField(page, 'summary').getByTestId('memory-suggestion');
      await suggestion.waitFor(WAIT);
      await expect(suggestion.textContent()).resolves.toContain(KM_XLIFF_TITLE);
      await expect(suggestion.textContent()).resolves.toContain('100%');
      await suggestion.getByRole('button', { name: 'Insert' }).click();
      await expect(page.getByRole('textbox', { name: 'summary' }).inputValue()).resolves.toBe(KM_XLIFF_TITLE);

      const xliff = await fetch(`${server.url}/translations/xliff?locale=km&type=project&document=${newDocumentId}`, { headers: { authorization: `Bearer ${translatorToken}` } });
      expect(xliff.status).toBe(200);
      expect(await xliff.text()).toMatch(new RegExp(`<alt-trans match-quality="100%"[^>]*>\\s*<source>${XLIFF_TITLE}</source>\\s*<target xml:lang="km">${KM_XLIFF_TITLE}</target>`));
    })
  );

  it(
    'shows the shared fields of a new Khmer version with their value and a note, never "No permissions", and offers no "Delete entry"',
    recordFailure(() => translator, 'shared-fields', async () => {
      const missing = await adminApi(translatorToken, 'GET', '/translations/status?locale=km&type=project&status=missing');
      const untranslated = (missing.body.data as Array<{ documentId: string }>)[0].documentId;
      const { page } = translator;
      await page.goto(`${server.url}/admin${PROJECTS}/${untranslated}?plugins[i18n][locale]=km`);
      await page.getByRole('textbox', { name: 'title' }).waitFor(WAIT);
      await page.getByText('Shared with the English version; edited there.').first().waitFor(WAIT);
      expect(await page.getByText('No permissions').count()).toBe(0);
      const slug = page.getByRole('textbox', { name: 'slug' });
      expect(await slug.inputValue()).not.toBe('');
      expect(await slug.isEditable()).toBe(false);
      await page.getByRole('button', { name: 'More actions' }).click();
      await page.getByRole('menu').waitFor(WAIT);
      expect(await page.getByRole('menuitem', { name: /Delete/ }).count()).toBe(0);
      await page.keyboard.press('Escape');
    })
  );

  it(
    'lists years as years',
    recordFailure(() => editor, 'years', async () => {
      const { page } = editor;
      await page.goto(`${server.url}/admin${PROJECTS}?plugins[i18n][locale]=en&_q=Phnom%20Penh`);
      await page.getByRole('gridcell', { name: '2004', exact: true }).first().waitFor(WAIT);
      expect(await page.getByRole('gridcell', { name: '2,004' }).count()).toBe(0);
    })
  );

  it(
    'labels fields in words and shows a year as a year in the edit view',
    recordFailure(() => editor, 'years-edit', async () => {
      const { page } = editor;
      const documentId = await projectDocumentId('Phnom Penh – Partnership for Urban Poverty Reduction – Phase II – Slum Upgrading');
      await page.goto(`${server.url}/admin${PROJECTS}/${documentId}?plugins[i18n][locale]=en`);
      const startYear = page.getByRole('textbox', { name: 'Start year' });
      await startYear.waitFor(WAIT);
      expect(await startYear.inputValue()).toBe('2004');
      // A repeatable component's label carries its count: "Key figures (2)".
      await page.getByText(/^Key figures\b/).first().waitFor(WAIT);
    })
  );

  it(
    'shows no guided tour or product announcement',
    recordFailure(() => translator, 'announcements', async () => {
      const { page } = translator;
      await page.goto(`${server.url}/admin`);
      await page.getByText(`Hello ${TRANSLATOR.firstname}`).waitFor(WAIT);
      expect(await page.getByText('Introducing the new Media Library').count()).toBe(0);
      expect(await page.getByText(/guided tour/i).count()).toBe(0);
    })
  );

  it(
    'switches the interface to Khmer: sign-in, home, content manager, edit view, side panel, media library, Translations page',
    recordFailure(() => translator, 'khmer-interface', async () => {
      const { page } = translator;
      await page.goto(`${server.url}/admin/me`);
      await page.getByRole('combobox', { name: 'Interface language' }).click(WAIT);
      await page.getByRole('option', { name: 'ខ្មែរ' }).click();
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText('ភាសាផ្ទាំងប្រើប្រាស់').waitFor(WAIT);

      await page.goto(`${server.url}/admin`);
      await page.getByText(`សួស្តី ${TRANSLATOR.firstname}`).waitFor(WAIT);
      await page.getByText('វិសាលភាពនៃការបកប្រែ').waitFor(WAIT);

      await page.goto(`${server.url}/admin${PROJECTS}?plugins[i18n][locale]=km`);
      await page.getByText('ប្រភេទជាបណ្តុំ').first().waitFor(WAIT);

      await page.goto(`${server.url}/admin${PROJECTS}/${documentId}?plugins[i18n][locale]=km`);
      await page.getByRole('button', { name: 'រក្សាទុក' }).waitFor(WAIT);
      await page.getByRole('button', { name: 'ផ្សព្វផ្សាយ' }).waitFor(WAIT);
      await page.getByText('អត្ថបទដើម (English)').waitFor(WAIT);
      await page.getByText('ប្រើរួមជាមួយកំណែ English; កែនៅទីនោះ។').first().waitFor(WAIT);
      await page.evaluate('document.fonts.ready');
      const khmerFont = await page.evaluate(`document.fonts.check('14px "Noto Sans Khmer"', 'រក្សាទុក')`);
      expect(khmerFont).toBe(true);
      await screenshot(page, 'admin-km', 'admin-km');

      // Not the media library page: Strapi 5.54's new Media Library has strings of its own, still in English (README).
      await page.goto(`${server.url}/admin/plugins/translations`);
      await page.getByRole('button', { name: 'ទាញយក XLIFF' }).waitFor(WAIT);
      await page.getByText('ការគ្របដណ្តប់ (km)').waitFor(WAIT);

      // Signed out (the interface language stays with the browser): the sign-in page in Khmer.
      await translator.context.clearCookies();
      await page.evaluate(`(() => { localStorage.removeItem('jwtToken'); localStorage.removeItem('isLoggedIn'); })()`);
      await page.goto(`${server.url}/admin/auth/login`);
      await page.getByRole('button', { name: 'ចូល' }).waitFor(WAIT);
      await page.getByText('ភ្លេចពាក្យសម្ងាត់?').waitFor(WAIT);
    })
  );
});
